import type { Entity } from '@backstage/catalog-model';
import { TENANCY_ANNOTATIONS } from '../model/annotations';
import type { NamespaceRequest } from './NamespaceRequest';

/**
 * The catalog entity of a tenant namespace: a `Resource` of type
 * `kubernetes-namespace`, owned by the tenant's Group, depending on its cluster,
 * with the annotations the upstream Kubernetes plugin reads.
 *
 * @public
 */
export function renderNamespaceEntity(request: NamespaceRequest): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: request.namespace,
      description: `Namespace ${request.namespace} of tenant ${request.tenant} (${request.environment}) on cluster ${request.cluster}`,
      annotations: {
        [TENANCY_ANNOTATIONS.tenant]: request.tenant,
        [TENANCY_ANNOTATIONS.environment]: request.environment,
        [TENANCY_ANNOTATIONS.costCenter]: request.costCenter,
        [TENANCY_ANNOTATIONS.kubernetesNamespace]: request.namespace,
        [TENANCY_ANNOTATIONS.kubernetesCluster]: request.cluster,
      },
    },
    spec: {
      type: 'kubernetes-namespace',
      owner: request.owner,
      dependsOn: [`resource:${request.cluster}`],
    },
  };
}
