import { TenantEntityV1alpha1 } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { TenancyCatalogSnapshot } from '../catalog/TenancyCatalogIndex';

/** The Tenant of a request branch's tenant name, if the catalog has it. */
export function tenantNamed(
  catalog: TenancyCatalogSnapshot,
  name: string,
): TenantEntityV1alpha1 | undefined {
  return catalog.tenants.find(t => t.metadata.name === name);
}
