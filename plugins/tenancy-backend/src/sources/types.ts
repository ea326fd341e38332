import type {
  ArgoApplicationSummary,
  LimitRangeSummary,
  SourceKind,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';

/** One namespace as a Kubernetes source saw it. */
export interface KubernetesNamespaceRecord {
  phase?: string;
  quotas: Array<{
    name: string;
    hard: Record<string, string>;
    used: Record<string, string>;
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

/** The data of a source, by kind. */
export interface SourceDataByKind {
  kubernetes: KubernetesSnapshot;
  argocd: ArgoCdSnapshot;
  cost: CostSnapshot;
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
