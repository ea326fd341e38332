import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Downloading a vCluster's kubeconfig (cluster-admin inside the vCluster)
 * from the tenancy backend. A resource permission on the vCluster's catalog
 * entity, so a policy can limit it to the members of the vCluster's owning
 * Group with the catalog's own rules (e.g. `isEntityOwner`).
 *
 * @public
 */
export const tenancyVClusterKubeconfigReadPermission = createPermission({
  name: 'tenancy.vcluster.kubeconfig.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});
