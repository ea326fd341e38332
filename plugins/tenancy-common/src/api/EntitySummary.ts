import type { SourceError, SourceStatus } from './SourceStatus';

/**
 * Cost windows the API accepts.
 *
 * @public
 */
export const COST_WINDOWS = ['1d', '7d', '30d'] as const;

/**
 * One of {@link COST_WINDOWS}.
 *
 * @public
 */
export type CostWindow = (typeof COST_WINDOWS)[number];

/**
 * Usage of one quota resource, summed over a namespace's ResourceQuotas.
 *
 * @public
 */
export interface QuotaResourceUsage {
  /** Resource name as in the ResourceQuota, e.g. `requests.cpu`. */
  resource: string;
  /** Quantities as the API server reports them, e.g. `4Gi`. */
  hard: string;
  used: string;
  /** Base-unit values (cores, bytes, counts). */
  hardValue: number;
  usedValue: number;
  /** used / hard, 0..1 (above 1 when over quota); absent when hard is 0. */
  utilisation?: number;
}

/**
 * The LimitRange defaults of a namespace.
 *
 * @public
 */
export interface LimitRangeSummary {
  name: string;
  limits: Array<{
    type: string;
    default?: Record<string, string>;
    defaultRequest?: Record<string, string>;
    min?: Record<string, string>;
    max?: Record<string, string>;
  }>;
}

/**
 * Quota state of one namespace.
 *
 * @public
 */
export interface QuotaSummary {
  resources: QuotaResourceUsage[];
  limitRanges: LimitRangeSummary[];
  /** Namespace phase, e.g. `Active` or `Terminating`. */
  phase?: string;
}

/**
 * Cost split by resource.
 *
 * @public
 */
export interface CostBreakdown {
  cpu: number;
  ram: number;
  storage: number;
  network: number;
  /** GPU, load balancers and shared costs. */
  other: number;
}

/**
 * Cost of a namespace or a roll-up for one window.
 *
 * @public
 */
export interface CostSummary {
  window: CostWindow;
  currency: string;
  total: number;
  breakdown: CostBreakdown;
  /** Cost-weighted efficiency 0..1, when the source reports it. */
  efficiency?: number;
  /** Daily totals, oldest first. */
  daily: Array<{ date: string; total: number }>;
}

/**
 * An Argo CD application deploying into a namespace.
 *
 * @public
 */
export interface ArgoApplicationSummary {
  instance: string;
  name: string;
  project: string;
  /** Argo CD namespace of the Application object, when not the default. */
  appNamespace?: string;
  /** Sync status: `Synced`, `OutOfSync` or `Unknown`. */
  sync: string;
  /** Health status: `Healthy`, `Progressing`, `Degraded`, `Suspended`, `Missing`, `Unknown`. */
  health: string;
  healthMessage?: string;
  /** Synced revision; for multi-source applications, one per source. */
  revisions: string[];
  lastSyncedAt?: string;
  operationPhase?: string;
  /** Link to the application in the Argo CD UI. */
  url: string;
}

/**
 * Everything the backend knows of one namespace or vCluster.
 *
 * @public
 */
export interface NamespaceSummary {
  /** Entity reference of the namespace or vCluster entity. */
  entityRef: string;
  type: 'kubernetes-namespace' | 'vcluster';
  /** Kubernetes namespace name (the host namespace for a vCluster). */
  namespace: string;
  cluster: string;
  environment?: string;
  /** Absent when the cluster's data is unavailable or the namespace is not found there. */
  quota?: QuotaSummary;
  cost?: CostSummary;
  applications: ArgoApplicationSummary[];
}

/**
 * Counts of Argo CD applications by state.
 *
 * @public
 */
export interface ApplicationCounts {
  total: number;
  outOfSync: number;
  degraded: number;
  progressing: number;
}

/**
 * Response of `GET /api/tenancy/v1/entities/{kind}/{namespace}/{name}/summary`.
 *
 * @public
 */
export interface EntitySummary {
  entityRef: string;
  namespaces: NamespaceSummary[];
  totals: {
    /** Quota summed over all namespaces, per resource. */
    quota: QuotaResourceUsage[];
    cost?: CostSummary;
    applications: ApplicationCounts;
  };
  /**
   * For a Tenant: its Argo CD applications (by `tenancy.io/tenant` label, else
   * by AppProject name) that deploy outside its namespaces, e.g. into a
   * vCluster's own API. Empty for a namespace or vCluster entity.
   */
  otherApplications: ArgoApplicationSummary[];
  generatedAt: string;
  /** Sources that failed on their last refresh, with the reason. */
  errors: SourceError[];
  /** Status of each source the response draws on. */
  sources: SourceStatus[];
  /** True when any source behind the response serves stale data. */
  stale: boolean;
}
