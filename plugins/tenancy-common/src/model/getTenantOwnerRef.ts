import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { TenantEntityV1alpha1 } from './TenantEntityV1alpha1';

/**
 * The full entity reference of a tenant's owner: `spec.owner` may be short
 * (`team-payments`), in which case it is a Group in the tenant's namespace.
 *
 * @public
 */
export function getTenantOwnerRef(tenant: TenantEntityV1alpha1): string {
  return stringifyEntityRef(
    parseEntityRef(tenant.spec.owner, {
      defaultKind: 'group',
      defaultNamespace: tenant.metadata.namespace ?? 'default',
    }),
  );
}
