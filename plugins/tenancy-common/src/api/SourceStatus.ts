/**
 * The kinds of upstream the tenancy backend reads.
 *
 * @public
 */
export type SourceKind = 'kubernetes' | 'argocd' | 'cost';

/**
 * Health of one upstream source: a Kubernetes cluster, an Argo CD instance or
 * a cost instance, as of the last refresh.
 *
 * @public
 */
export interface SourceStatus {
  /** Stable id, `<kind>:<name>`, e.g. `kubernetes:prod-eu-1`. */
  id: string;
  kind: SourceKind;
  name: string;
  /** When the last refresh that returned good data finished. */
  lastSuccessAt?: string;
  /** When the last failed refresh finished, and why it failed. */
  lastErrorAt?: string;
  lastError?: string;
  /** Seconds since `lastSuccessAt`; absent when there was never a success. */
  ageSeconds?: number;
  /**
   * True when the data served is not from the latest refresh attempt, or is
   * older than two refresh intervals.
   */
  stale: boolean;
}

/**
 * A source's failure reported beside the data of the others.
 *
 * @public
 */
export interface SourceError {
  source: string;
  kind: SourceKind;
  message: string;
}

/**
 * Response of `GET /api/tenancy/v1/sources`.
 *
 * @public
 */
export interface SourcesResponse {
  items: SourceStatus[];
  generatedAt: string;
}
