import { InputError } from '@backstage/errors';
import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { loadNamespaceEntity } from './loadNamespaceEntity';
import { startTenantRequest } from './startTenantRequest';
import { TenancyActionDeps } from './TenancyActionDeps';

/**
 * The start of a change to an existing tenant namespace (update,
 * decommission): a publisher to change the repository with, the namespace
 * entity and where it lives, and the authorized request for its tenant.
 */
export async function startNamespaceChange(
  ctx: ActionContext<any, any>,
  deps: TenancyActionDeps,
  namespaceRef: string,
) {
  const { publisher } = deps;
  if (!publisher) {
    throw new InputError(
      'tenancy.gitops.publisher is not configured: there is no repository to change',
    );
  }
  const located = await loadNamespaceEntity({
    namespace: namespaceRef,
    catalog: deps.catalog,
    credentials: await ctx.getInitiatorCredentials(),
  });
  if (located.entity.spec?.type !== 'kubernetes-namespace') {
    throw new InputError(
      `${located.entity.metadata.name} is a ${String(
        located.entity.spec?.type,
      )}, not a tenant namespace: its quota lives in its vCluster Application's values, which these actions do not change`,
    );
  }
  const request = await startTenantRequest(ctx, deps, located.tenant);
  const folder = deps.layout.namespaceDir(
    located.tenant,
    located.environment,
    located.entity.metadata.name,
  );
  return {
    ...located,
    ...request,
    tenantName: located.tenant,
    folder,
    publisher,
  };
}
