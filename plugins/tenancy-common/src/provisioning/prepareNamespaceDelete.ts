import type { GitOpsLayout } from '../gitops/GitOpsLayout';
import type { TenancyPolicy } from '../policy/TenancyPolicy';
import { vclusterArgoCluster } from '../render/vclusterArgoCluster';
import { changeProjectFile } from './changeProjectFile';
import { describeNamespaceDeletion } from './describeNamespaceDeletion';
import { namespaceRequestSubject } from './namespaceRequestSubject';
import type { PreparedChange } from './PreparedChange';

/**
 * `tenancy:namespace:delete` without its side effects: the tenant's
 * AppProject without the namespace's destination (for a vCluster, without
 * the vCluster as an Argo CD cluster, `vclusterArgoCluster`), and the body
 * listing what goes. The folder itself is the change's deletion.
 *
 * @public
 */
export function prepareNamespaceDelete(options: {
  /** The namespace entity's name, and its Kubernetes name when it differs. */
  name: string;
  kubernetesNamespace?: string;
  /** Whether it is a vCluster (`name` its host namespace). */
  vcluster?: boolean;
  tenant: { name: string; ssoGroup: string };
  environment: string;
  cluster: string;
  requestedBy: string;
  reason?: string;
  /** The namespace's files on the base branch, with their text. */
  manifests: Array<{ file: string; text: string }>;
  /** The tenant's AppProject file on the base branch. */
  currentProject: string | undefined;
  layout: GitOpsLayout;
  policy: TenancyPolicy;
}): PreparedChange {
  const { name, tenant, environment, cluster } = options;
  const what = options.vcluster ? 'vCluster' : 'namespace';
  const destination = options.vcluster
    ? vclusterArgoCluster(name).destination
    : { cluster, namespace: options.kubernetesNamespace ?? name };
  return {
    problems: [],
    // Argo CD may no longer deploy there once the namespace is gone.
    files: changeProjectFile({
      current: options.currentProject,
      layout: options.layout,
      policy: options.policy,
      tenant,
      remove: destination,
    }),
    tenant: tenant.name,
    subject: namespaceRequestSubject(name, 'delete'),
    title: `Decommission ${what} ${name} of tenant ${tenant.name} (${environment})`,
    // Nothing to check before: the runner adds its checks (schemas, base branch).
    checks: [],
    describe: (changed, checks) =>
      describeNamespaceDeletion({
        namespace: name,
        what,
        destination: `${destination.cluster}/${destination.namespace}`,
        tenant: tenant.name,
        environment,
        requestedBy: options.requestedBy,
        reason: options.reason,
        manifests: options.manifests,
        changed,
        checks,
      }),
  };
}
