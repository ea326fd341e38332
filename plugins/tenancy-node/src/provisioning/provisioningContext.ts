import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  ProvisioningContext,
  TENANT_KIND,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { ProvisioningDeps } from './ProvisioningDeps';

/**
 * The policy, the layout and the catalog's tenants a request is prepared with.
 *
 * @public
 */
export async function provisioningContext(
  deps: ProvisioningDeps,
  credentials: BackstageCredentials,
  requestedBy: string,
): Promise<ProvisioningContext> {
  const tenants = await deps.catalog.getEntities(
    { filter: { kind: TENANT_KIND }, fields: ['metadata.name'] },
    { credentials },
  );
  return {
    policy: deps.policy,
    layout: deps.layout,
    tenants: tenants.items.map(e => e.metadata.name),
    requestedBy,
  };
}
