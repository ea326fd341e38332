import { NotFoundError } from '@backstage/errors';
import {
  prepareNamespaceDelete,
  TENANCY_ANNOTATIONS,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { auditedRun } from './auditedRun';
import { ProvisioningDeps } from './ProvisioningDeps';
import { ProvisioningRun } from './ProvisioningRun';
import { runProvisioning } from './runProvisioning';
import { startNamespaceChange } from './startNamespaceChange';

/**
 * Decommissions a tenant namespace or vCluster (`tenancy:namespace:delete`
 * and the backend's `decommission-namespace` action): opens (or updates) a
 * pull request that removes its folder and its destination in the tenant's
 * AppProject (a vCluster's: the vCluster as an Argo CD cluster; its Argo CD
 * cluster Secret goes with its exported kubeconfig, see
 * `renderVClusterRegistration`). Outputs `files` (what goes) and the pull request's `branch`,
 * `pullRequestUrl` and `pullRequestNumber`.
 *
 * @public
 */
export async function decommissionNamespace(
  run: ProvisioningRun,
  deps: ProvisioningDeps,
  input: { namespace: string; reason?: string },
): Promise<void> {
  const { layout, policy } = deps;
  await auditedRun(run, deps.auditor, 'namespace-delete', async () => {
    const change = await startNamespaceChange(
      run,
      deps,
      input.namespace,
      'delete',
    );
    const { entity, publisher, folder, tenantName, environment, cluster } =
      change;
    const name = entity.metadata.name;
    const files = await publisher.listFiles(folder);
    if (files.length === 0) {
      throw new NotFoundError(
        `${folder} is not in the GitOps repository: nothing to delete`,
      );
    }
    run.output('files', files);
    if (run.isDryRun) return;

    const manifests = await Promise.all(
      files.map(async file => ({
        file,
        text: (await publisher.readFile(file)) ?? '',
      })),
    );
    await runProvisioning(run, publisher, {
      requestedBy: change.userEntityRef,
      prepared: prepareNamespaceDelete({
        name,
        kubernetesNamespace:
          entity.metadata.annotations?.[
            TENANCY_ANNOTATIONS.kubernetesNamespace
          ],
        vcluster: entity.spec?.type === 'vcluster',
        tenant: {
          name: tenantName,
          ssoGroup: change.tenant.spec.ssoGroup ?? '',
        },
        environment,
        cluster,
        requestedBy: change.userEntityRef,
        reason: input.reason,
        manifests,
        currentProject: await publisher.readFile(
          layout.tenantProjectFile(tenantName),
        ),
        layout,
        policy,
      }),
      what: 'decommission',
      dryRun: 'list',
      deletions: [folder],
      outputFiles: files,
      fingerprintOf: files,
      whenOpenDiffers: 'update',
    });
  });
}
