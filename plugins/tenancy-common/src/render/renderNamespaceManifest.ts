import type { NamespaceRequest } from './NamespaceRequest';

/**
 * The Kubernetes Namespace object of a tenant namespace, labelled with its
 * tenant, environment and cost center.
 *
 * @public
 */
export function renderNamespaceManifest(request: NamespaceRequest) {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: request.namespace,
      labels: {
        'tenancy.io/tenant': request.tenant,
        'tenancy.io/environment': request.environment,
        'tenancy.io/cost-center': request.costCenter,
      },
    },
  };
}
