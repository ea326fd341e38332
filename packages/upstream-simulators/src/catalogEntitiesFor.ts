import { SimulatedWorld } from './world/SimulatedWorld';

/**
 * The catalog entities a simulated world's tenants would have: a Tenant per
 * tenant, with `hasPart` relations to a namespace Resource per namespace
 * (of type `vcluster` for a vCluster's host namespace).
 */
export function catalogEntitiesFor(world: SimulatedWorld) {
  const parts = new Map<string, string[]>();
  const resources = world.clusters.flatMap(cluster =>
    cluster.namespaces
      .filter(ns => ns.tenant)
      .map(ns => {
        const ref = `resource:default/${ns.name}`;
        parts.set(ns.tenant!, [...(parts.get(ns.tenant!) ?? []), ref]);
        return {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Resource',
          metadata: {
            name: ns.name,
            namespace: 'default',
            annotations: {
              'tenancy.io/tenant': ns.tenant!,
              'tenancy.io/environment': ns.environment ?? 'dev',
              'backstage.io/kubernetes-namespace': ns.name,
              'backstage.io/kubernetes-cluster': cluster.name,
            },
          },
          spec: {
            type: ns.vcluster ? 'vcluster' : 'kubernetes-namespace',
            owner: `group:default/team-${ns.tenant}`,
          },
          relations: [
            { type: 'partOf', targetRef: `tenant:default/${ns.tenant}` },
          ],
        };
      }),
  );
  const tenants = [...parts].map(([tenant, refs], i) => ({
    apiVersion: 'tenancy.io/v1alpha1',
    kind: 'Tenant',
    metadata: { name: tenant, namespace: 'default', title: tenant },
    spec: {
      owner: `group:default/team-${tenant}`,
      costCenter: `CC-${1000 + (i % 7)}`,
      environments: ['dev', 'staging', 'prod'],
    },
    relations: [
      { type: 'ownedBy', targetRef: `group:default/team-${tenant}` },
      ...refs.map(targetRef => ({ type: 'hasPart', targetRef })),
    ],
  }));
  return [...tenants, ...resources];
}
