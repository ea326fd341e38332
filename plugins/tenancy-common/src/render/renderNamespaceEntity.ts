import type { Entity } from '@backstage/catalog-model';
import { TENANCY_ANNOTATIONS } from '../model/annotations';
import type { NamespaceRequest } from './NamespaceRequest';

/**
 * The catalog entity of a tenant namespace or vCluster: a `Resource` of type
 * `kubernetes-namespace` or `vcluster`, owned by the tenant's Group,
 * depending on its cluster, with the annotations the upstream Kubernetes
 * plugin reads. For a vCluster, `namespace` is its host namespace.
 *
 * @public
 */
export function renderNamespaceEntity(
  request: NamespaceRequest,
  options: { type?: 'kubernetes-namespace' | 'vcluster'; name?: string } = {},
): Entity {
  const type = options.type ?? 'kubernetes-namespace';
  const name = options.name ?? request.namespace;
  const what =
    type === 'vcluster'
      ? `vCluster ${name} (host namespace ${request.namespace})`
      : `Namespace ${name}`;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      description: `${what} of tenant ${request.tenant} (${request.environment}) on cluster ${request.cluster}`,
      annotations: {
        [TENANCY_ANNOTATIONS.tenant]: request.tenant,
        [TENANCY_ANNOTATIONS.environment]: request.environment,
        [TENANCY_ANNOTATIONS.costCenter]: request.costCenter,
        [TENANCY_ANNOTATIONS.kubernetesNamespace]: request.namespace,
        [TENANCY_ANNOTATIONS.kubernetesCluster]: request.cluster,
      },
    },
    spec: {
      type,
      owner: request.owner,
      dependsOn: [`resource:${request.cluster}`],
    },
  };
}
