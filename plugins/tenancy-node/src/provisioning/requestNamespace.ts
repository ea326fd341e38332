import {
  NamespaceDraft,
  prepareNamespaceCreate,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { addDeliveryTarget } from './addDeliveryTarget';
import { auditedRun } from './auditedRun';
import { checkNewNamespace } from './checkNewNamespace';
import { ProvisioningDeps } from './ProvisioningDeps';
import { ProvisioningRun } from './ProvisioningRun';
import { resolveClusterName } from './resolveClusterName';
import { runProvisioning } from './runProvisioning';
import { startTenantRequest } from './startTenantRequest';

/**
 * A namespace request as asked: the tenant as an entity reference or name,
 * the cluster as a name or Resource entity reference.
 *
 * @public
 */
export type NamespaceRequest = NamespaceDraft;

/**
 * Requests a namespace for a tenant (`tenancy:namespace:create` and the
 * backend's `request-namespace` action): authorizes the requester for the
 * tenant, validates the request against the tenant and the policy, renders
 * the namespace bundle and opens a pull request (in a dry run, or without a
 * publisher, hands the files to `run.writeFiles`). Outputs `namespace`,
 * `entityRef`, `files` and the pull request's `branch`, `pullRequestUrl`
 * and `pullRequestNumber`.
 *
 * @public
 */
export async function requestNamespace(
  run: ProvisioningRun,
  deps: ProvisioningDeps,
  input: NamespaceRequest,
): Promise<void> {
  const { layout, publisher } = deps;
  await auditedRun(run, deps.auditor, 'namespace-create', async () => {
    const { tenant, owner, context } = await startTenantRequest(
      run,
      deps,
      input.tenant,
    );
    const prepared = prepareNamespaceCreate(
      {
        tenant: tenant.metadata.name,
        environment: input.environment,
        cluster: resolveClusterName(input.cluster),
        name: input.name || undefined,
        size: input.size,
        quota: input.quota,
        limits: input.limits,
        labels: input.labels,
        purpose: input.purpose,
        delivery: input.delivery,
      },
      { tenant, owner, context },
    );
    const { namespace, request } = prepared;
    run.output('namespace', namespace);
    run.output('entityRef', `resource:default/${namespace}`);
    await runProvisioning(run, publisher, {
      requestedBy: context.requestedBy,
      prepared,
      what: 'namespace',
      dryRun: 'write',
      precheck: checkNewNamespace({
        what: 'namespace',
        layout,
        tenant,
        environment: input.environment,
        namespace,
        quota: prepared.quota,
      }),
      againstBase: addDeliveryTarget(deps, request!),
      fingerprintOf: prepared.files,
      whenOpenDiffers: 'conflict',
    });
  });
}
