import type { ProjectDestination } from './renderTenantAppProject';

/**
 * Label of a vCluster's host Namespace (and of its Argo CD cluster Secret):
 * what the registration policy selects. Only the vCluster renderer sets it;
 * requests may not set `tenancy.io` labels.
 *
 * @public
 */
export const VCLUSTER_HOST_LABEL = 'tenancy.io/vcluster';

const PREFIX = 'vcluster-';

/**
 * How Argo CD knows a vCluster, given its host namespace (also its Helm
 * release and Service name): the cluster name `vcluster-<host namespace>`,
 * the server its exported kubeconfig names (the vCluster's Service in the
 * host namespace, port 443), and the destination the tenant's AppProject
 * gains for it: every namespace inside the vCluster, which is the tenant's
 * alone.
 *
 * @public
 */
export function vclusterArgoCluster(hostNamespace: string): {
  name: string;
  server: string;
  destination: ProjectDestination;
} {
  const name = `${PREFIX}${hostNamespace}`;
  return {
    name,
    server: `https://${hostNamespace}.${hostNamespace}.svc:443`,
    destination: { cluster: name, namespace: '*' },
  };
}

/**
 * Whether an AppProject destination is a vCluster's: named `vcluster-`
 * followed by the host namespace, with every namespace inside it.
 *
 * @public
 */
export function isVClusterDestination(destination: {
  name?: unknown;
  namespace?: unknown;
}): boolean {
  return (
    typeof destination.name === 'string' &&
    destination.name.startsWith(PREFIX) &&
    destination.name.length > PREFIX.length &&
    !/[*?[\]{}!]/.test(destination.name) &&
    destination.namespace === '*'
  );
}
