export interface Config {
  /**
   * Simulated upstreams for the embedded default. Never enable in production.
   */
  tenancySimulators?: {
    enabled?: boolean;
    /** Port of the simulator server on 127.0.0.1. */
    port: number;
    /** GitOps repository whose tenants the simulated clusters hold. */
    gitopsRepo: string;
    /** Latency added to every simulated call, in milliseconds. */
    latencyMs?: number;
    /** Simulated Argo CD instances and the clusters each deploys to. */
    argocd: Array<{ name: string; clusters: string[] }>;
    /** Simulated cost instances and the clusters each reports. */
    cost: Array<{ name: string; clusters: string[] }>;
    /**
     * The policy engine of each cluster: `kyverno` (wgpolicyk8s.io reports;
     * the default for clusters not listed), `kyverno-openreports`
     * (openreports.io reports, as with Kyverno's `--openreportsEnabled`) or
     * `gatekeeper` (constraints with audit results, no report CRDs).
     */
    policyEngines?: Array<{
      engine: 'kyverno' | 'kyverno-openreports' | 'gatekeeper';
      clusters: string[];
    }>;
    /**
     * How each cluster differs from the GitOps repository, as if changed by
     * hand; the initial value of the simulators' `drift` control (see the
     * package README).
     */
    drift?: {
      [cluster: string]: {
        /** Namespaces with tenancy labels that no folder of the repository describes. */
        orphans?: Array<{
          namespace: string;
          tenant: string;
          environment?: string;
          /** A namespace whose other labels, quotas and limit ranges the orphan copies. */
          like?: string;
        }>;
        /** Namespaces of the repository the cluster does not have. */
        missing?: string[];
        /** Namespace labels changed: namespace, label, value. */
        labels?: { [namespace: string]: { [label: string]: string } };
        /** ResourceQuota `spec.hard` changed: namespace, quota, resource, quantity. */
        quotas?: {
          [namespace: string]: {
            [quota: string]: { [resource: string]: string };
          };
        };
        /** LimitRange `spec.limits` replaced: namespace, LimitRange, limits. */
        limitRanges?: {
          [namespace: string]: {
            [limitRange: string]: Array<{ [field: string]: unknown }>;
          };
        };
      };
    };
    /**
     * vCluster control planes that differ from a ready one of their
     * Application's chart version, by cluster and host namespace; the initial
     * value of the simulators' `vclusters` control (see the package README).
     */
    vclusters?: {
      [cluster: string]: {
        [namespace: string]: {
          /** Asleep, as `vcluster pause` leaves it (annotated, scaled to 0). */
          sleeping?: boolean;
          /** Its control plane Pod is not ready. */
          notReady?: boolean;
          /** The chart version deployed, e.g. `0.36.0`. */
          chartVersion?: string;
        };
      };
    };
  };
}
