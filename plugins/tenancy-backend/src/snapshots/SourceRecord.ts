import type { SourceKind } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import type { SourceDataByKind } from '../sources/types';

/** The state of one source, without its data. */
export interface SourceState {
  id: string;
  kind: SourceKind;
  name: string;
  lastAttemptAt: string;
  lastSuccessAt?: string;
  lastErrorAt?: string;
  lastError?: string;
}

/** The states of all sources, as the last refresh left them. */
export interface SourceIndex {
  refreshedAt: string;
  sources: Record<string, SourceState>;
}

/** Data of any source. */
export type SourceData = SourceDataByKind[SourceKind];
