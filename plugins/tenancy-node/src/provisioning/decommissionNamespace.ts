import { NotFoundError } from '@backstage/errors';
import {
  gitOpsEngineOf,
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
    // On a Flux cluster, the tenant's last folder of the environment there
    // takes the Kustomization applying them along (Flux fails a missing path).
    const deletions = [folder];
    if (gitOpsEngineOf(policy, cluster) === 'flux') {
      const others = (
        await publisher.listFiles(
          `${layout.tenantDir(tenantName)}/${environment}`,
        )
      ).filter(
        f => !f.startsWith(`${folder}/`) && f.endsWith('/kustomization.yaml'),
      );
      const kustomization = layout.fluxTenantFile(
        cluster,
        tenantName,
        environment,
      );
      if (
        others.length === 0 &&
        (await publisher.readFile(kustomization)) !== undefined
      ) {
        deletions.push(kustomization);
        files.push(kustomization);
      }
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
      deletions,
      outputFiles: files,
      fingerprintOf: files,
      whenOpenDiffers: 'update',
    });
  });
}
