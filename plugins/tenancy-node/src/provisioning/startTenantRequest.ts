import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { TENANT_KIND } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { noteAudit } from './auditedRun';
import { authorizeTenantRequest } from './authorizeTenantRequest';
import { provisioningContext } from './provisioningContext';
import { ProvisioningDeps } from './ProvisioningDeps';
import { ProvisioningRun } from './ProvisioningRun';

/**
 * The start of every request for an existing tenant: the requester's
 * credentials, the tenant they may act for (or NotAllowedError), and the
 * context the request is prepared in.
 *
 * @public
 */
export async function startTenantRequest(
  run: ProvisioningRun,
  deps: ProvisioningDeps,
  tenantRef: string,
) {
  const credentials = await run.credentials();
  noteAudit(run, { tenant: normalizeTenantRef(tenantRef) });
  const authorized = await authorizeTenantRequest({
    ...deps,
    tenant: tenantRef,
    credentials,
  });
  noteAudit(run, {
    requestedBy: authorized.userEntityRef,
    tenant: stringifyEntityRef(authorized.tenant),
  });
  const context = await provisioningContext(
    deps,
    credentials,
    authorized.userEntityRef,
  );
  return { ...authorized, context };
}

/** The tenant's full entity ref, or the input as given when it is none. */
function normalizeTenantRef(ref: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(ref, { defaultKind: TENANT_KIND }),
    );
  } catch {
    return ref;
  }
}
