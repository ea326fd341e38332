import { NotFoundError } from '@backstage/errors';
import {
  NAMESPACE_BUNDLE_FILES,
  NamespaceUpdateDraft,
  prepareNamespaceUpdate,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { auditedRun } from './auditedRun';
import { ProvisioningDeps } from './ProvisioningDeps';
import { ProvisioningRun } from './ProvisioningRun';
import { refuseOverBudget } from './refuseOverBudget';
import { runProvisioning } from './runProvisioning';
import { startNamespaceChange } from './startNamespaceChange';

/**
 * A change of a namespace's settings: the namespace entity (reference or
 * name) and what changes.
 *
 * @public
 */
export interface NamespaceChange
  extends Pick<
    NamespaceUpdateDraft,
    'size' | 'quota' | 'limits' | 'labels' | 'reason'
  > {
  namespace: string;
}

/**
 * Changes the quota, container limits or labels of a tenant namespace
 * (`tenancy:namespace:update` and the backend's `change-namespace-quota`
 * action): changes only what it is asked to on the base branch's files,
 * re-validates the result against the policy and the tenant budget, and
 * opens (or updates) the namespace's change request. Outputs `files` and
 * the pull request's `branch`, `pullRequestUrl` and `pullRequestNumber`.
 *
 * @public
 */
export async function changeNamespace(
  run: ProvisioningRun,
  deps: ProvisioningDeps,
  input: NamespaceChange,
): Promise<void> {
  await auditedRun(run, deps.auditor, 'namespace-update', async () => {
    const change = await startNamespaceChange(
      run,
      deps,
      input.namespace,
      'update',
    );
    const { entity, publisher, folder } = change;
    if (!(await publisher.exists(folder))) {
      throw new NotFoundError(`${folder} is not in the GitOps repository`);
    }
    const read = (file: string) => publisher.readFile(`${folder}/${file}`);
    const [namespace, quota, limits] = await Promise.all([
      read(NAMESPACE_BUNDLE_FILES.namespace),
      read(NAMESPACE_BUNDLE_FILES.quota),
      read(NAMESPACE_BUNDLE_FILES.limits),
    ]);
    const prepared = prepareNamespaceUpdate(
      {
        namespace: entity.metadata.name,
        environment: change.environment,
        cluster: change.cluster,
        purpose: entity.metadata.description,
        size: input.size,
        quota: input.quota,
        limits: input.limits,
        labels: input.labels,
        reason: input.reason,
        current: { namespace, quota, limits },
      },
      change,
    );
    await runProvisioning(run, publisher, {
      requestedBy: change.context.requestedBy,
      prepared,
      what: 'namespace',
      dryRun: 'list',
      precheck: refuseOverBudget({
        what: 'namespace',
        layout: deps.layout,
        tenant: change.tenant,
        namespace: entity.metadata.name,
        quota: prepared.quota,
      }),
      whenOpenDiffers: 'update',
    });
  });
}
