import {
  changeProjectFile,
  gitOpsEngineOf,
  GitOpsLayout,
  NamespaceBundleRequest,
  renderFluxTenantKustomization,
  serializeManifests,
  TenancyPolicy,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { GitOpsPublisher } from '../publishers/types';

/**
 * The `againstBase` step of a new namespace (created or adopted), by the
 * engine of its cluster (`tenancy.policy.clusters.<cluster>.engine`), in the
 * same pull request:
 *
 * - Argo CD: the tenant's AppProject of the base branch gains the
 *   destination `<cluster>/<namespace>` (created when the tenant has none
 *   yet);
 * - Flux: the Kustomization applying the tenant's folders of the
 *   environment on that cluster (`layout.fluxTenantFile`) is added when the
 *   base branch has none yet, i.e. for the tenant's first folder there.
 *   No AppProject is touched.
 *
 * It depends on the base branch, so it is not part of the request's
 * fingerprint.
 *
 * @public
 */
export function addDeliveryTarget(
  deps: { layout: GitOpsLayout; policy: TenancyPolicy },
  request: Pick<
    NamespaceBundleRequest,
    'tenant' | 'ssoGroup' | 'cluster' | 'namespace' | 'environment'
  >,
) {
  const { layout, policy } = deps;
  return async (base: GitOpsPublisher, files: Record<string, string>) => {
    if (gitOpsEngineOf(policy, request.cluster) === 'flux') {
      const path = layout.fluxTenantFile(
        request.cluster,
        request.tenant,
        request.environment,
      );
      if ((await base.readFile(path)) !== undefined) return files;
      return {
        ...files,
        [path]: serializeManifests([
          renderFluxTenantKustomization({
            layout,
            tenant: request.tenant,
            environment: request.environment,
          }),
        ]),
      };
    }
    return {
      ...files,
      ...changeProjectFile({
        current: await base.readFile(layout.tenantProjectFile(request.tenant)),
        layout,
        policy,
        tenant: { name: request.tenant, ssoGroup: request.ssoGroup },
        add: { cluster: request.cluster, namespace: request.namespace },
      }),
    };
  };
}
