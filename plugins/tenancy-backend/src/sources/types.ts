import type {
  ArgoApplicationSummary,
  LimitRangeSummary,
  NamespaceSummary,
  PolicySummary,
  ReconcilerSummary,
  SourceKind as ApiSourceKind,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import type { VClusterSnapshot } from './kubernetes/VClusterSnapshot';

/** One namespace as a Kubernetes source saw it. */
export interface KubernetesNamespaceRecord {
  phase?: string;
  /**
   * The Namespace's labels; absent when the namespace list did not have it
   * (a quota or LimitRange listed just after its namespace was deleted).
   */
  labels?: Record<string, string>;
  quotas: Array<{
    name: string;
    /** `status.hard`: what the quota enforces. */
    hard: Record<string, string>;
    used: Record<string, string>;
    /** `spec.hard`: what the quota was given (compared with Git). */
    spec: Record<string, string>;
  }>;
  limitRanges: LimitRangeSummary[];
}

/** What a Kubernetes source returns: one cluster's namespaces by name. */
export interface KubernetesSnapshot {
  cluster: string;
  namespaces: Record<string, KubernetesNamespaceRecord>;
}

/**
 * One Argo CD application, mapped to its destination cluster: what the API
 * shows of it, and what the backend needs to place it.
 */
export interface ArgoApplicationRecord extends ArgoApplicationSummary {
  labels: Record<string, string>;
  /** Backstage cluster name of the destination; absent when unmapped. */
  cluster?: string;
  destinationNamespace?: string;
}

/** What an Argo CD source returns. */
export interface ArgoCdSnapshot {
  instance: string;
  applications: ArgoApplicationRecord[];
}

/**
 * Daily cost of one namespace: `[cpu, ram, storage, network, other, total,
 * efficiencyWeight]`, where efficiencyWeight is efficiency × (cpu + ram).
 */
export type DailyCostRow = [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];

/** What a cost source returns: daily rows per `cluster/namespace`. */
export interface CostSnapshot {
  instance: string;
  currency: string;
  /** Dates (YYYY-MM-DD) of the rows, oldest first. */
  days: string[];
  /** Rows aligned with `days`; null for a day without data. */
  namespaces: Record<string, Array<DailyCostRow | null>>;
  /** Whether the source reports efficiency. */
  hasEfficiency: boolean;
}

/**
 * What a policy source returns: one cluster's policy report results by
 * namespace, findings capped and worst first.
 */
export interface PolicySnapshot {
  cluster: string;
  /** The report API groups the cluster serves, e.g. `wgpolicyk8s.io/v1alpha2`. */
  groups: string[];
  namespaces: Record<string, PolicySummary>;
}

/** One namespace or vCluster folder of the GitOps repository's default branch. */
export interface GitOpsNamespaceRecord {
  cluster: string;
  namespace: string;
  tenant: string;
  environment: string;
  type: NamespaceSummary['type'];
  /** The folder, e.g. `tenants/payments/prod/payments-prod`. */
  path: string;
  /** The Namespace manifest's labels; absent without a Namespace manifest. */
  labels?: Record<string, string>;
  /** Each ResourceQuota manifest's `spec.hard`. */
  quotas: Array<{ name: string; hard: Record<string, string> }>;
  /** Each LimitRange manifest's `spec.limits`, keys as written. */
  limitRanges: LimitRangeSummary[];
}

/** What a GitOps source returns: the namespace folders of the default branch. */
export interface GitOpsSnapshot {
  name: string;
  namespaces: GitOpsNamespaceRecord[];
}

/**
 * One Flux Kustomization or HelmRelease, and where it deploys: into
 * `targetNamespace` (its `spec.targetNamespace`, or a HelmRelease's own
 * namespace), or, for the platform's `tenancy-<tenant>-<environment>`
 * Kustomizations in `flux-system`, into every namespace of `platform`'s
 * tenant and environment on the cluster.
 */
export interface FluxReconcilerRecord extends ReconcilerSummary {
  targetNamespace?: string;
  platform?: { tenant: string; environment: string };
}

/** What a Flux source returns: one cluster's Kustomizations and HelmReleases. */
export interface FluxSnapshot {
  cluster: string;
  reconcilers: FluxReconcilerRecord[];
}

/** The kinds of source, as the API names them. */
export type SourceKind = ApiSourceKind;

/** The data of a source, by kind. */
export interface SourceDataByKind {
  kubernetes: KubernetesSnapshot;
  argocd: ArgoCdSnapshot;
  cost: CostSnapshot;
  policy: PolicySnapshot;
  gitops: GitOpsSnapshot;
  vcluster: VClusterSnapshot;
  flux: FluxSnapshot;
}

/**
 * An upstream the backend lists once per refresh.
 */
export interface Source<K extends SourceKind = SourceKind> {
  /** `<kind>:<name>`. */
  id: string;
  kind: K;
  name: string;
  fetch(): Promise<SourceDataByKind[K]>;
}
