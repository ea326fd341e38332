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

/** The GitOps engine applying the repository to a cluster. */
export type SimulatedGitOpsEngine = 'argocd' | 'flux';

/** An object a Flux Kustomization applied, as its `status.inventory` names it. */
export interface SimulatedFluxObject {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

/**
 * A Flux Kustomization: one of the platform's in `flux-system`
 * (`tenancy-<tenant>-<env>` applying `./tenants/<tenant>/<env>`, or the
 * bootstrap's own ones), or a tenant's delivery in its namespace, from the
 * namespace folder's manifests (`renderFluxTenantDelivery`).
 */
export interface SimulatedFluxKustomization {
  name: string;
  /** Its namespace; `flux-system` when not set. */
  namespace?: string;
  labels: Record<string, string>;
  /** Its `spec`, as the bootstrap renders it (or the repository's bootstrap or folder holds it). */
  spec: Record<string, unknown>;
  /**
   * What its source's revisions look like before the digest: `<branch>@sha1`
   * for a GitRepository, `<tag>@sha256` for an OCIRepository; `main@sha1`
   * when not set.
   */
  revision?: string;
  /** The objects it applied (none known for a tenant's own repository). */
  inventory: SimulatedFluxObject[];
  /** Its `spec.path` has no folder in the repository: Flux cannot build it. */
  pathMissing?: boolean;
}

/** A Flux HelmRelease: a vCluster's chart in its host namespace. */
export interface SimulatedFluxHelmRelease {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  spec: Record<string, unknown>;
  chart: string;
  chartVersion: string;
}

export interface SimulatedCluster {
  name: string;
  namespaces: SimulatedNamespace[];
  /** Its policy engine; `kyverno` when not set. */
  policyEngine?: SimulatedPolicyEngine;
  /** Its GitOps engine; `argocd` when not set. */
  gitopsEngine?: SimulatedGitOpsEngine;
  /** On a Flux cluster, the Flux objects reconciling the repository. */
  flux?: {
    kustomizations: SimulatedFluxKustomization[];
    helmReleases: SimulatedFluxHelmRelease[];
  };
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
