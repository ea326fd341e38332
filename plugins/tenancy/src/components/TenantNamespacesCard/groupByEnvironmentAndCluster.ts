import { Entity } from '@backstage/catalog-model';
import { TENANCY_ANNOTATIONS } from '@tenancy-plugins/backstage-plugin-tenancy-common';

/** Entities of one environment, by cluster. */
export interface EnvironmentGroup {
  environment: string;
  clusters: Array<{ cluster: string; entities: Entity[] }>;
}

/**
 * Groups namespace and vCluster entities by environment (in the tenant's
 * order, unknown environments last) and cluster, names sorted.
 */
export function groupByEnvironmentAndCluster(
  entities: Entity[],
  environmentsInOrder: string[],
): EnvironmentGroup[] {
  const byEnvironment = new Map<string, Map<string, Entity[]>>();
  for (const e of entities) {
    const annotations = e.metadata.annotations ?? {};
    const environment =
      annotations[TENANCY_ANNOTATIONS.environment] ?? 'no environment';
    const cluster =
      annotations[TENANCY_ANNOTATIONS.kubernetesCluster] ?? 'no cluster';
    const clusters =
      byEnvironment.get(environment) ?? new Map<string, Entity[]>();
    clusters.set(cluster, [...(clusters.get(cluster) ?? []), e]);
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
          entities: [...list].sort((a, b) =>
            a.metadata.name.localeCompare(b.metadata.name),
          ),
        })),
    }));
}
