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
