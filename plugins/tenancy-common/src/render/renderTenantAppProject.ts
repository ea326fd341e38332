import type { Manifest } from './renderNamespaceBundle';
import { isVClusterDestination } from './vclusterArgoCluster';

/**
 * Where a tenant's Argo CD applications may deploy: one namespace on one
 * cluster (by its Argo CD cluster name).
 *
 * @public
 */
export interface ProjectDestination {
  cluster: string;
  namespace: string;
}

/**
 * The namespace Argo CD runs in, where AppProjects and Applications live.
 *
 * @public
 */
export const ARGOCD_NAMESPACE = 'argocd';

/**
 * Kinds the platform owns in a tenant namespace: tenants' applications must
 * never create, change or remove them (their quota, limits, network
 * isolation and access).
 */
const PLATFORM_OWNED_KINDS = [
  { group: '', kind: 'ResourceQuota' },
  { group: '', kind: 'LimitRange' },
  { group: 'networking.k8s.io', kind: 'NetworkPolicy' },
  { group: 'rbac.authorization.k8s.io', kind: 'Role' },
  { group: 'rbac.authorization.k8s.io', kind: 'RoleBinding' },
];

/** What a tenant's applications may create in their namespaces, by exact API group. */
const TENANT_KINDS = [
  { group: '', kind: 'ConfigMap' },
  { group: '', kind: 'Secret' },
  { group: '', kind: 'Service' },
  { group: '', kind: 'ServiceAccount' },
  { group: '', kind: 'PersistentVolumeClaim' },
  { group: 'apps', kind: 'Deployment' },
  { group: 'apps', kind: 'StatefulSet' },
  { group: 'batch', kind: 'Job' },
  { group: 'batch', kind: 'CronJob' },
  { group: 'networking.k8s.io', kind: 'Ingress' },
  { group: 'autoscaling', kind: 'HorizontalPodAutoscaler' },
  { group: 'policy', kind: 'PodDisruptionBudget' },
];

const GLOB = /[*?[\]{}!]/;

/**
 * The tenant's Argo CD AppProject: explicit destinations only (no globs, no
 * negations), no cluster-scoped resources, a whitelist of namespaced kinds by
 * exact API group, the platform-owned kinds blacklisted, and a role for the
 * tenant's SSO group limited to the project's applications.
 *
 * @public
 */
export function renderTenantAppProject(options: {
  tenant: string;
  ssoGroup: string;
  sourceRepos: string[];
  destinations: ProjectDestination[];
}): Manifest {
  const { tenant } = options;
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: {
      name: tenant,
      namespace: ARGOCD_NAMESPACE,
      labels: { 'tenancy.io/tenant': tenant },
    },
    spec: {
      description: `Applications of tenant ${tenant}`,
      sourceRepos: [...options.sourceRepos],
      destinations: sortDestinations(options.destinations).map(d => ({
        name: d.cluster,
        namespace: d.namespace,
      })),
      clusterResourceWhitelist: [],
      namespaceResourceWhitelist: TENANT_KINDS.map(k => ({ ...k })),
      namespaceResourceBlacklist: PLATFORM_OWNED_KINDS.map(k => ({ ...k })),
      roles: [
        {
          name: 'developers',
          description: `Members of ${options.ssoGroup}`,
          groups: [options.ssoGroup],
          policies: ['get', 'sync'].map(
            action =>
              `p, proj:${tenant}:developers, applications, ${action}, ${tenant}/*, allow`,
          ),
        },
      ],
    },
  };
}

/**
 * The destinations of an AppProject, or problems with them: each must name
 * one cluster and one namespace, without globs or negations. The one
 * exception is a vCluster's destination (`vcluster-<host namespace>`, see
 * `vclusterArgoCluster`): every namespace inside it, since the whole
 * vCluster is the tenant's.
 *
 * @public
 */
export function readProjectDestinations(project: Manifest): {
  destinations: ProjectDestination[];
  problems: string[];
} {
  const spec = (project.spec ?? {}) as {
    destinations?: Array<Record<string, string>>;
  };
  const destinations: ProjectDestination[] = [];
  const problems: string[] = [];
  for (const [i, d] of (spec.destinations ?? []).entries()) {
    const values = [d.name, d.server, d.namespace].filter(v => v !== undefined);
    if (d.server === undefined && isVClusterDestination(d)) {
      destinations.push({ cluster: d.name, namespace: d.namespace });
    } else if (
      values.some(v => typeof v !== 'string' || v === '' || GLOB.test(v))
    ) {
      problems.push(
        `spec.destinations[${i}] must name one cluster and one namespace, without globs or negations`,
      );
    } else if (!d.name || !d.namespace) {
      problems.push(
        `spec.destinations[${i}] must set name (the Argo CD cluster name) and namespace`,
      );
    } else {
      destinations.push({ cluster: d.name, namespace: d.namespace });
    }
  }
  return { destinations, problems };
}

/**
 * The project with one destination added or removed; destinations stay
 * sorted and unique, so concurrent changes touch different lines.
 *
 * @public
 */
export function changeProjectDestination(
  project: Manifest,
  change: { add?: ProjectDestination; remove?: ProjectDestination },
): Manifest {
  const { destinations, problems } = readProjectDestinations(project);
  if (problems.length) {
    throw new TypeError(`AppProject ${name(project)}: ${problems.join('; ')}`);
  }
  const same = (a: ProjectDestination, b?: ProjectDestination) =>
    !!b && a.cluster === b.cluster && a.namespace === b.namespace;
  const next = destinations.filter(d => !same(d, change.remove));
  if (change.add && !next.some(d => same(d, change.add))) {
    next.push(change.add);
  }
  const spec = project.spec as Record<string, unknown>;
  return {
    ...project,
    spec: {
      ...spec,
      destinations: sortDestinations(next).map(d => ({
        name: d.cluster,
        namespace: d.namespace,
      })),
    },
  };
}

function sortDestinations(destinations: ProjectDestination[]) {
  return [...destinations].sort(
    (a, b) =>
      a.cluster.localeCompare(b.cluster) ||
      a.namespace.localeCompare(b.namespace),
  );
}

function name(project: Manifest) {
  return (project.metadata as { name?: string } | undefined)?.name ?? '?';
}
