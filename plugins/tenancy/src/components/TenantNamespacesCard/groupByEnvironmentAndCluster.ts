/** Items of one environment, by cluster. */
export interface EnvironmentGroup<T> {
  environment: string;
  clusters: Array<{ cluster: string; items: T[] }>;
}

/** Where an item sits: its environment, cluster and name. */
export interface Placement {
  environment?: string;
  cluster?: string;
  name: string;
}

/**
 * Groups namespaces and vClusters by environment (in the tenant's order,
 * unknown environments last) and cluster, names sorted.
 */
export function groupByEnvironmentAndCluster<T>(
  items: T[],
  placementOf: (item: T) => Placement,
  environmentsInOrder: string[],
): EnvironmentGroup<T>[] {
  const byEnvironment = new Map<string, Map<string, T[]>>();
  for (const item of items) {
    const placement = placementOf(item);
    const environment = placement.environment ?? 'no environment';
    const cluster = placement.cluster ?? 'no cluster';
    const clusters = byEnvironment.get(environment) ?? new Map<string, T[]>();
    clusters.set(cluster, [...(clusters.get(cluster) ?? []), item]);
    byEnvironment.set(environment, clusters);
  }
  const rank = (env: string) => {
    const i = environmentsInOrder.indexOf(env);
    return i === -1 ? environmentsInOrder.length : i;
  };
  return [...byEnvironment.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([environment, clusters]) => ({
      environment,
      clusters: [...clusters.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([cluster, list]) => ({
          cluster,
          items: [...list].sort((a, b) =>
            placementOf(a).name.localeCompare(placementOf(b).name),
          ),
        })),
    }));
}
