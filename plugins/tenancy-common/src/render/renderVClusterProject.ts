import { parse } from 'yaml';
import type { Manifest } from './renderNamespaceBundle';
import { serializeManifests } from './serializeManifests';
import { ARGOCD_NAMESPACE } from './renderTenantAppProject';

/**
 * Where the vClusters' AppProject lives in the GitOps repository. Each
 * vCluster request adds its host namespace (and the chart's cluster-scoped
 * objects, by name) to it; the bootstrap's `tenancy-platform` Application
 * keeps it applied.
 *
 * @public
 */
export const VCLUSTER_PROJECT_FILE = 'bootstrap/platform-vclusters.yaml';

/**
 * A vCluster as its AppProject sees it: the cluster (Argo CD name) and the
 * host namespace, which is also the Helm release name.
 *
 * @public
 */
export interface VClusterDestination {
  /** The cluster, by its Argo CD name. */
  cluster: string;
  /** The host namespace, also the Helm release name. */
  namespace: string;
}

/**
 * The name of the ClusterRole and ClusterRoleBinding the vCluster chart
 * creates for a release (template `vcluster.clusterRoleName` of the chart's
 * `_rbac.tpl`, 0.36: `vc-<release>-v-<namespace>`, cut to 63 characters
 * and one trailing `-` dropped).
 *
 * @public
 */
export function vclusterClusterRoleName(
  release: string,
  namespace: string,
): string {
  const name = `vc-${release}-v-${namespace}`.slice(0, 63);
  return name.endsWith('-') ? name.slice(0, -1) : name;
}

const RBAC = 'rbac.authorization.k8s.io';

function whitelistOf(destination: VClusterDestination) {
  const name = vclusterClusterRoleName(
    destination.namespace,
    destination.namespace,
  );
  return [
    { group: RBAC, kind: 'ClusterRole', name },
    { group: RBAC, kind: 'ClusterRoleBinding', name },
  ];
}

/**
 * The platform's AppProject of the vCluster Applications: only the chart's
 * repository, only the vClusters' host namespaces as destinations (one
 * cluster and namespace each, no patterns), and as cluster-scoped objects
 * only the ClusterRole and ClusterRoleBinding each vCluster's chart release
 * creates (by name, Argo CD 3.3 or later; with a node pool the vCluster reads
 * the host's nodes through them). Everything namespaced is allowed, in those
 * namespaces only.
 *
 * @public
 */
export function renderVClusterProject(options: {
  name: string;
  chartRepo: string;
  vclusters: VClusterDestination[];
}): Manifest {
  const vclusters = [...options.vclusters].sort((a, b) =>
    `${a.cluster}/${a.namespace}`.localeCompare(`${b.cluster}/${b.namespace}`),
  );
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: { name: options.name, namespace: ARGOCD_NAMESPACE },
    spec: {
      description:
        "vClusters: the vCluster chart in tenants' host namespaces, one destination per vCluster",
      sourceRepos: [options.chartRepo],
      destinations: vclusters.map(v => ({
        name: v.cluster,
        namespace: v.namespace,
      })),
      clusterResourceWhitelist: vclusters.flatMap(whitelistOf),
    },
  };
}

/**
 * The vClusters' AppProject file with one vCluster added (its destination and
 * the chart's two cluster-scoped objects of it), given its text on the base
 * branch; created when there is none. The rest of the file is kept. Empty
 * when there is nothing to change.
 *
 * @public
 */
export function changeVClusterProjectFile(options: {
  current: string | undefined;
  project: string;
  chartRepo: string;
  add: VClusterDestination;
}): Record<string, string> {
  const { current, project, chartRepo, add } = options;
  const parsed = current === undefined ? undefined : parse(current);
  if (!parsed || typeof parsed !== 'object') {
    return {
      [VCLUSTER_PROJECT_FILE]: serializeManifests([
        renderVClusterProject({ name: project, chartRepo, vclusters: [add] }),
      ]),
    };
  }
  const spec = (parsed.spec ??= {});
  const same = (a: Record<string, unknown>, b: Record<string, unknown>) =>
    Object.keys(b).every(k => a?.[k] === b[k]);
  const append = (key: string, items: Array<Record<string, unknown>>) => {
    const list: Array<Record<string, unknown>> = Array.isArray(spec[key])
      ? spec[key]
      : [];
    for (const item of items)
      if (!list.some(existing => same(existing, item))) list.push(item);
    spec[key] = list;
  };
  append('destinations', [{ name: add.cluster, namespace: add.namespace }]);
  append('clusterResourceWhitelist', whitelistOf(add));
  const text = serializeManifests([parsed]);
  return text === current ? {} : { [VCLUSTER_PROJECT_FILE]: text };
}
