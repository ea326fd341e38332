export { useObservabilityLinks } from './useObservabilityLinks';
export type {
  ObservabilityLink,
  ObservabilityLinkKind,
} from './ObservabilityLinkTemplate';
