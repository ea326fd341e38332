import { InputError } from '@backstage/errors';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { NamespaceRequestKind } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { noteAudit } from './auditedRun';
import { loadNamespaceEntity } from './loadNamespaceEntity';
import { refuseOtherOpenRequest } from './refuseOtherOpenRequest';
import { startTenantRequest } from './startTenantRequest';
import { TenancyActionDeps } from './TenancyActionDeps';

/**
 * The start of a change to an existing tenant namespace (update,
 * decommission): a publisher to change the repository with, the namespace
 * entity and where it lives, and the authorized request for its tenant.
 * Refuses a request while one of another kind is open for the namespace.
 */
export async function startNamespaceChange(
  ctx: ActionContext<any, any>,
  deps: TenancyActionDeps,
  namespaceRef: string,
  kind: Exclude<NamespaceRequestKind, 'create'>,
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
  noteAudit(ctx, { entityRefs: [stringifyEntityRef(located.entity)] });
  if (located.entity.spec?.type !== 'kubernetes-namespace') {
    throw new InputError(
      `${located.entity.metadata.name} is a ${String(
        located.entity.spec?.type,
      )}, not a tenant namespace: its quota lives in its vCluster Application's values, which these actions do not change`,
    );
  }
  const request = await startTenantRequest(ctx, deps, located.tenant);
  await refuseOtherOpenRequest({
    publisher,
    tenant: located.tenant,
    namespace: located.entity.metadata.name,
    kind,
  });
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
