import { gitOpsEngineOf } from '../gitops/gitOpsEngineOf';
import type { TenantEntityV1alpha1 } from '../model/TenantEntityV1alpha1';
import {
  describeNamespaceRequest,
  namespaceRequestChecks,
} from './describeNamespaceRequest';
import { namespaceRequestSubject } from './namespaceRequestSubject';
import type { PreparedChange } from './PreparedChange';
import {
  NamespaceDraft,
  PreparedNamespaceBundle,
  prepareNamespaceBundle,
} from './prepareNamespaceBundle';
import type { ProvisioningContext } from './ProvisioningContext';

/**
 * `tenancy:namespace:create` without its side effects: the validated bundle
 * and the pull request that asks for it.
 *
 * @public
 */
export function prepareNamespaceCreate(
  draft: NamespaceDraft,
  options: {
    tenant: TenantEntityV1alpha1;
    owner: string;
    context: ProvisioningContext;
  },
): PreparedChange & PreparedNamespaceBundle {
  const prepared = prepareNamespaceBundle(draft, options);
  const { namespace, request, ceiling } = prepared;
  return {
    ...prepared,
    tenant: draft.tenant,
    subject: namespaceRequestSubject(namespace, 'create'),
    title: `New namespace ${namespace} for tenant ${draft.tenant} (${draft.environment})`,
    checks: prepared.problems.length ? [] : namespaceRequestChecks(),
    describe: (paths, checks) =>
      describeNamespaceRequest({
        request: request!,
        ceiling,
        files: paths,
        checks,
        engine: gitOpsEngineOf(options.context.policy, request!.cluster),
      }),
  };
}
