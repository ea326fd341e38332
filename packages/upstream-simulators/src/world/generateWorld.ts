import { applicationsFor } from './applicationsFor';
import { defaultNamespace } from './defaultNamespace';
import { SimulatedWorld } from './SimulatedWorld';

const ENVIRONMENTS = ['dev', 'staging', 'prod'];

/** Options of {@link generateWorld}. */
export interface WorldSize {
  clusters: number;
  namespaces: number;
  /** Namespaces per tenant. */
  namespacesPerTenant: number;
  argocdInstances: number;
  applications: number;
  /** Cost instances: one per cluster, or one for all clusters. */
  costInstances: 'per-cluster' | 'single';
}

/** Tenant `i` of a generated world. */
export function generatedTenantName(i: number): string {
  return `tenant-${String(i).padStart(4, '0')}`;
}

/**
 * A fleet of the given size: namespaces spread evenly over clusters, tenants
 * of `namespacesPerTenant` namespaces, applications spread over namespaces,
 * each cluster watched by one Argo CD instance, Kyverno on every cluster
 * (writing `wgpolicyk8s.io` reports on odd-numbered ones, `openreports.io` on
 * even-numbered ones).
 */
export function generateWorld(size: WorldSize): SimulatedWorld {
  const clusters = Array.from({ length: size.clusters }, (_, i) => ({
    name: `cluster-${i + 1}`,
    namespaces: [] as SimulatedWorld['clusters'][number]['namespaces'],
    policyEngine:
      i % 2 ? ('kyverno-openreports' as const) : ('kyverno' as const),
  }));
  const argocd = Array.from({ length: size.argocdInstances }, (_, i) => ({
    name: `argocd-${i + 1}`,
    applications: [] as SimulatedWorld['argocd'][number]['applications'],
  }));
  const appsPerNamespace = Math.floor(size.applications / size.namespaces);
  let extraApps = size.applications - appsPerNamespace * size.namespaces;

  for (let i = 0; i < size.namespaces; i++) {
    const tenantIndex = Math.floor(i / size.namespacesPerTenant);
    const tenant = generatedTenantName(tenantIndex);
    const environment = ENVIRONMENTS[i % ENVIRONMENTS.length];
    const name = `${tenant}-${i % size.namespacesPerTenant}-${environment}`;
    const clusterIndex = i % size.clusters;
    const cluster = clusters[clusterIndex];
    cluster.namespaces.push(
      defaultNamespace({ name, tenant, environment, size: tenantIndex }),
    );
    const count = appsPerNamespace + (extraApps > 0 ? 1 : 0);
    if (extraApps > 0) extraApps--;
    argocd[clusterIndex % argocd.length].applications.push(
      ...applicationsFor({
        cluster: cluster.name,
        namespace: name,
        tenant,
        count,
      }),
    );
  }

  const cost =
    size.costInstances === 'single'
      ? [{ name: 'opencost', clusters: clusters.map(c => c.name) }]
      : clusters.map(c => ({ name: `opencost-${c.name}`, clusters: [c.name] }));
  return { clusters, argocd, cost };
}
