import { ApiHolder } from '@backstage/core-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { coreApis } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  getTenantOwnerRef,
  isTenantEntity,
  TENANT_KIND,
  tenancyProvisionAdminPermission,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';

/** A tenant the user may request for. */
export interface RequestableTenant {
  ref: string;
  name: string;
  label: string;
  owner: string;
}

/**
 * The tenants the user may request for, as the provisioning actions decide
 * it: those whose owning Group the user belongs to, or every tenant for a
 * holder of `tenancy.provision.admin`. `refusals` explains each other tenant.
 */
export async function loadRequestableTenants(apis: ApiHolder): Promise<{
  tenants: RequestableTenant[];
  refusals: Map<string, { label: string; message: string }>;
}> {
  const catalogApi = apis.get(catalogApiRef);
  const identityApi = apis.get(coreApis.identity);
  const permissionApi = apis.get(permissionApiRef);
  if (!catalogApi || !identityApi) {
    throw new Error('the catalog and identity APIs are not available');
  }
  const [{ ownershipEntityRefs }, { items }, admin] = await Promise.all([
    identityApi.getBackstageIdentity(),
    catalogApi.getEntities({ filter: { kind: TENANT_KIND } }),
    // Without a permission API (permissions disabled) nobody is an admin
    // here; the action still decides.
    permissionApi
      ?.authorize({ permission: tenancyProvisionAdminPermission })
      .then(d => d.result === AuthorizeResult.ALLOW) ?? false,
  ]);
  const tenants: RequestableTenant[] = [];
  const refusals = new Map<string, { label: string; message: string }>();
  for (const t of items.filter(isTenantEntity)) {
    const tenant = {
      ref: stringifyEntityRef(t),
      name: t.metadata.name,
      label: t.metadata.title ?? t.metadata.name,
      owner: getTenantOwnerRef(t),
    };
    if (admin || ownershipEntityRefs.includes(tenant.owner)) {
      tenants.push(tenant);
    } else {
      refusals.set(tenant.ref, {
        label: tenant.label,
        message: refusalMessage(tenant.name, tenant.owner),
      });
    }
  }
  tenants.sort((a, b) => a.label.localeCompare(b.label));
  return { tenants, refusals };
}

/** Why a tenant may not be requested for; the action's refusal in words. */
export function refusalMessage(tenant: string, owner: string) {
  return `You may not request for tenant ${tenant}: it is owned by ${owner}, which you are not a member of, and requests for other teams' tenants need the ${tenancyProvisionAdminPermission.name} permission`;
}

/** `tenant:default/checkout` or `checkout` as a full Tenant reference. */
export function normalizeTenantRef(value: string): string | undefined {
  try {
    return stringifyEntityRef(
      parseEntityRef(value, {
        defaultKind: TENANT_KIND,
        defaultNamespace: 'default',
      }),
    );
  } catch {
    return undefined;
  }
}
