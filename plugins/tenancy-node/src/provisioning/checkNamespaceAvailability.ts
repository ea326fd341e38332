import type { GitOpsLayout } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { requestBranch } from '../publishers/requestBranch';
import type { GitOpsPublisher } from '../publishers/types';

/**
 * Whether a namespace (or a vCluster's host namespace) may still be asked for.
 *
 * @public
 */
export type NamespaceAvailability =
  | { available: true }
  | {
      available: false;
      /** Where it is taken: `catalog`, `repository` (base branch) or `request`. */
      takenBy: 'catalog' | 'repository' | 'request';
      /** Why, for the requester, e.g. "payments-dev already exists in the GitOps repository (tenants/…)". */
      conflict: string;
    };

/**
 * Checks that a tenant namespace is free: no catalog entity (so no cluster
 * runs it), no folder on the base branch, and (unless `openRequests` is
 * false) no open request on its branch. The one availability rule of the
 * wizard's check and the provisioning actions. Errors of the catalog or the
 * repository propagate.
 *
 * @public
 */
export async function checkNamespaceAvailability(options: {
  namespace: string;
  tenant: string;
  environment: string;
  layout: GitOpsLayout;
  publisher?: GitOpsPublisher;
  /** Where the namespace is known to the catalog, e.g. "cluster-1 (resource:default/x)". */
  findInCatalog?: (namespace: string) => Promise<string | undefined>;
  /** Whether an open request on the namespace's branch makes it taken (default true). */
  openRequests?: boolean;
}): Promise<NamespaceAvailability> {
  const { namespace, tenant, environment, layout, publisher } = options;
  const known = await options.findInCatalog?.(namespace);
  if (known) {
    return {
      available: false,
      takenBy: 'catalog',
      conflict: `${namespace} exists on ${known}`,
    };
  }
  if (!publisher) return { available: true };
  const folder = layout.namespaceDir(tenant, environment, namespace);
  if (await publisher.exists(folder)) {
    return {
      available: false,
      takenBy: 'repository',
      conflict: `${namespace} already exists in the GitOps repository (${folder})`,
    };
  }
  if (options.openRequests !== false) {
    const open = await publisher.findRequest(requestBranch(tenant, namespace));
    if (open?.state === 'open') {
      return {
        available: false,
        takenBy: 'request',
        conflict: `${namespace} is asked for in open request #${open.number}`,
      };
    }
  }
  return { available: true };
}
