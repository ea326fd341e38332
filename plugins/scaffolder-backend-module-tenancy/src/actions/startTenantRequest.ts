import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { authorizeTenantRequest } from './authorizeTenantRequest';
import { provisioningContext } from './provisioningContext';
import { TenancyActionDeps } from './TenancyActionDeps';

/**
 * The start of every request for an existing tenant: the requester's
 * credentials, the tenant they may act for (or NotAllowedError), and the
 * context the request is prepared in.
 */
export async function startTenantRequest(
  ctx: ActionContext<any, any>,
  deps: TenancyActionDeps,
  tenantRef: string,
) {
  const credentials = await ctx.getInitiatorCredentials();
  const authorized = await authorizeTenantRequest({
    ...deps,
    tenant: tenantRef,
    credentials,
  });
  const context = await provisioningContext(
    deps,
    credentials,
    authorized.userEntityRef,
  );
  return { ...authorized, context };
}
