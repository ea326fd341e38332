import {
  changeProjectFile,
  GitOpsLayout,
  NamespaceBundleRequest,
  TenancyPolicy,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { GitOpsPublisher } from '../publishers/types';

/**
 * The `againstBase` step of a new namespace (created or adopted): the
 * tenant's AppProject of the base branch gains the destination
 * `<cluster>/<namespace>` in the same pull request (created when the tenant
 * has none yet). It depends on the base branch, so it is not part of the
 * request's fingerprint.
 *
 * @public
 */
export function addProjectDestination(
  deps: { layout: GitOpsLayout; policy: TenancyPolicy },
  request: Pick<
    NamespaceBundleRequest,
    'tenant' | 'ssoGroup' | 'cluster' | 'namespace'
  >,
) {
  const { layout, policy } = deps;
  return async (base: GitOpsPublisher, files: Record<string, string>) => ({
    ...files,
    ...changeProjectFile({
      current: await base.readFile(layout.tenantProjectFile(request.tenant)),
      layout,
      policy,
      tenant: { name: request.tenant, ssoGroup: request.ssoGroup },
      add: { cluster: request.cluster, namespace: request.namespace },
    }),
  });
}
