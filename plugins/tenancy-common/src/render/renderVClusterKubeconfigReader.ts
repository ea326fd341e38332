import type { RbacSubject } from '../policy/TenancyPolicy';
import type { Manifest } from './renderNamespaceBundle';

/**
 * The Secret a vCluster's syncer exports its kubeconfig to, in its host
 * namespace (the `exportKubeConfig.additionalSecrets` entry of
 * `renderVClusterValues`; the host namespace is the vCluster's name).
 *
 * @public
 */
export function vclusterKubeconfigSecretName(name: string): string {
  return `${name}-kubeconfig`;
}

/** Name of the Role and RoleBinding of `renderVClusterKubeconfigReader`. */
const READER = 'tenancy-vcluster-kubeconfig-reader';

/**
 * The grant the portal's kubeconfig download needs on a host cluster: a
 * Role allowing `get` (not `list` or `watch`) on the vCluster's exported
 * kubeconfig Secret only, by name, and its RoleBinding to the platform's
 * reader (`tenancy.policy.vcluster.kubeconfigReader`), both in the host
 * namespace.
 *
 * @public
 */
export function renderVClusterKubeconfigReader(
  name: string,
  reader: RbacSubject,
): Manifest[] {
  const metadata = { name: READER, namespace: name };
  return [
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata,
      rules: [
        {
          apiGroups: [''],
          resources: ['secrets'],
          resourceNames: [vclusterKubeconfigSecretName(name)],
          verbs: ['get'],
        },
      ],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata,
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'Role',
        name: READER,
      },
      subjects: [
        reader.kind === 'ServiceAccount'
          ? {
              kind: reader.kind,
              name: reader.name,
              namespace: reader.namespace,
            }
          : { apiGroup: 'rbac.authorization.k8s.io', ...reader },
      ],
    },
  ];
}
