import { ConflictError } from '@backstage/errors';
import { GitOpsLayout } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { GitOpsPublisher } from '../publishers/types';
import { checkNamespaceAvailability } from './checkNamespaceAvailability';

/**
 * A precheck of the create actions: refuses a namespace (or vCluster host
 * namespace) that is on the base branch. An open request for it is left to
 * the publisher, which returns it when it is the same request.
 */
export function refuseTakenNamespace(options: {
  what: string;
  layout: GitOpsLayout;
  tenant: string;
  environment: string;
  namespace: string;
}) {
  return async (publisher: GitOpsPublisher) => {
    const availability = await checkNamespaceAvailability({
      ...options,
      publisher,
      openRequests: false,
    });
    if (!availability.available) {
      throw new ConflictError(`${options.what} ${availability.conflict}`);
    }
    return [
      {
        name: `base branch: the ${options.what} ${options.namespace} is not on it yet`,
        result: 'passed' as const,
      },
    ];
  };
}
