import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Lets a platform administrator request namespaces and vClusters for any
 * tenant; without it, only members of a tenant's owning Group may.
 *
 * @public
 */
export const tenancyProvisionAdminPermission = createPermission({
  name: 'tenancy.provision.admin',
  attributes: { action: 'create' },
});

/**
 * Reading a catalog entity's quota, cost and Argo CD summary. A resource
 * permission on catalog entities, so a policy can limit it to the entity's
 * owners with the catalog's own rules (e.g. `isEntityOwner`).
 *
 * @public
 */
export const tenancyEntityReadPermission = createPermission({
  name: 'tenancy.entity.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});
