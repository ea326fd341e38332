import type { SourceStatus } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import type { SourceDataByKind, SourceKind } from '../sources/types';

/**
 * The state of one source, without its data: the stored part of its
 * {@link SourceStatus} (age and staleness are computed when asked), and when
 * it was last tried.
 */
export interface SourceState
  extends Pick<
    SourceStatus,
    'id' | 'name' | 'lastSuccessAt' | 'lastErrorAt' | 'lastError'
  > {
  kind: SourceKind;
  lastAttemptAt: string;
}

/** The states of all sources, as the last refresh left them. */
export interface SourceIndex {
  refreshedAt: string;
  sources: Record<string, SourceState>;
}

/** Data of any source. */
export type SourceData = SourceDataByKind[SourceKind];
