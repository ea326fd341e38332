import type { TenantEntityV1alpha1 } from '../model/TenantEntityV1alpha1';

/**
 * What the request validators know of a tenant, from its entity.
 *
 * @public
 */
export function tenantForValidation(tenant: TenantEntityV1alpha1) {
  return {
    name: tenant.metadata.name,
    environments: tenant.spec.environments ?? [],
    ssoGroup: tenant.spec.ssoGroup,
    isolation: tenant.spec.isolation,
  };
}
