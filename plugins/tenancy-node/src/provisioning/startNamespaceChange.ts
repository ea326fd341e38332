import { InputError } from '@backstage/errors';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NamespaceRequestKind } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { noteAudit } from './auditedRun';
import { loadNamespaceEntity } from './loadNamespaceEntity';
import { refuseOtherOpenRequest } from './refuseOtherOpenRequest';
import { startTenantRequest } from './startTenantRequest';
import { ProvisioningDeps } from './ProvisioningDeps';
import { ProvisioningRun } from './ProvisioningRun';

/**
 * The start of a change to an existing tenant namespace (update,
 * decommission; a vCluster only for a decommission): a publisher to change the repository with, the namespace
 * entity and where it lives, and the authorized request for its tenant.
 * Refuses a request while one of another kind is open for the namespace.
 */
export async function startNamespaceChange(
  run: ProvisioningRun,
  deps: ProvisioningDeps,
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
    credentials: await run.credentials(),
  });
  noteAudit(run, { entityRefs: [stringifyEntityRef(located.entity)] });
  const type = located.entity.spec?.type;
  // A vCluster may be decommissioned (its folder and its Argo CD cluster
  // go), not changed: its quota lives in its chart Application's values.
  if (
    type !== 'kubernetes-namespace' &&
    !(kind === 'delete' && type === 'vcluster')
  ) {
    throw new InputError(
      `${located.entity.metadata.name} is a ${String(
        type,
      )}, not a tenant namespace: its quota lives in its vCluster Application's values, which these actions do not change`,
    );
  }
  const request = await startTenantRequest(run, deps, located.tenant);
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
