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
  /** Its ResourceQuotas; `labels`, those of the object (as a chart sets them). */
  quotas: Array<{
    name: string;
    hard: Record<string, string>;
    labels?: Record<string, string>;
  }>;
  limitRanges: Array<{
    name: string;
    limits: Array<Record<string, unknown>>;
    labels?: Record<string, string>;
  }>;
  /** Registries its tenant may pull from besides the platform's (the Tenant's `spec.allowedRegistries`). */
  allowedRegistries?: string[];
  /** The vCluster this namespace hosts (its Helm release name), if any. */
  vcluster?: string;
  /** The vcluster chart version its Argo CD application deploys. */
  vclusterChartVersion?: string;
}

/**
 * The policy engine of a cluster and where its results go:
 * - `kyverno`: Kyverno writing `wgpolicyk8s.io/v1alpha2` reports;
 * - `kyverno-openreports`: Kyverno with `--openreportsEnabled`, writing
 *   `openreports.io/v1alpha1` reports (the wgpolicyk8s.io CRDs stay installed, empty);
 * - `gatekeeper`: Gatekeeper's audit, writing constraint `status.violations`
 *   (no report CRDs installed).
 */
export type SimulatedPolicyEngine =
  | 'kyverno'
  | 'kyverno-openreports'
  | 'gatekeeper';

export interface SimulatedCluster {
  name: string;
  namespaces: SimulatedNamespace[];
  /** Its policy engine; `kyverno` when not set. */
  policyEngine?: SimulatedPolicyEngine;
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
