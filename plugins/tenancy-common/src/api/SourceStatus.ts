export type {
  SourceError,
  SourceKind,
  SourceStatus,
  SourcesResponse,
} from '../schema/openapi/generated';
