/**
 * What the simulators serve: clusters with namespaces, quotas and limit
 * ranges; Argo CD instances with applications; cost instances over clusters.
 */
export interface SimulatedNamespace {
  name: string;
  tenant?: string;
  environment?: string;
  phase: 'Active' | 'Terminating';
  labels: Record<string, string>;
  quotas: Array<{ name: string; hard: Record<string, string> }>;
  limitRanges: Array<{ name: string; limits: Array<Record<string, unknown>> }>;
}

export interface SimulatedCluster {
  name: string;
  namespaces: SimulatedNamespace[];
}

export interface SimulatedApplicationSource {
  repoURL: string;
  path?: string;
  chart?: string;
  targetRevision: string;
}

export interface SimulatedApplication {
  name: string;
  project: string;
  labels: Record<string, string>;
  destination: { name?: string; server?: string; namespace: string };
  /** One source, or several for a multi-source application. */
  sources: SimulatedApplicationSource[];
  multiSource: boolean;
}

export interface SimulatedArgoCdInstance {
  name: string;
  applications: SimulatedApplication[];
}

export interface SimulatedCostInstance {
  name: string;
  /** Clusters whose namespaces this instance reports. */
  clusters: string[];
}

export interface SimulatedWorld {
  clusters: SimulatedCluster[];
  argocd: SimulatedArgoCdInstance[];
  cost: SimulatedCostInstance[];
}
