export { EntityObservabilityLinksCard } from './EntityObservabilityLinksCard';
