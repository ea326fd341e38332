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
  };
}
