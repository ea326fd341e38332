import { ConflictError } from '@backstage/errors';
import {
  NamespaceRequestKind,
  namespaceRequestSubject,
  otherNamespaceRequestKinds,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { requestBranch } from '../publishers/requestBranch';
import { GitOpsPublisher } from '../publishers/types';

const WHAT: Record<NamespaceRequestKind, string> = {
  create: 'creation',
  update: 'change',
  delete: 'decommissioning',
};

/**
 * One open request per namespace: a request of the same kind is folded into
 * the open one (same branch, see runProvisioning), one of another kind is
 * refused with a conflict that links the open request; nothing is written.
 *
 * @public
 */
export async function refuseOtherOpenRequest(options: {
  publisher: GitOpsPublisher;
  tenant: string;
  namespace: string;
  kind: NamespaceRequestKind;
}): Promise<void> {
  const { publisher, tenant, namespace, kind } = options;
  const open = await Promise.all(
    otherNamespaceRequestKinds(kind).map(async other => ({
      other,
      request: await publisher.findRequest(
        requestBranch(tenant, namespaceRequestSubject(namespace, other)),
      ),
    })),
  );
  const first = open.find(o => o.request);
  if (first?.request) {
    throw new ConflictError(
      `namespace ${namespace} has an open ${WHAT[first.other]} request, #${
        first.request.number
      } (${first.request.url}): merge or close it before asking for its ${
        WHAT[kind]
      }; nothing was written`,
    );
  }
}
