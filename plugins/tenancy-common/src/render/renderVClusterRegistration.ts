import type { Manifest } from './renderNamespaceBundle';
import { ARGOCD_NAMESPACE } from './renderTenantAppProject';
import { VCLUSTER_HOST_LABEL } from './vclusterArgoCluster';

/**
 * Name of the registration's GeneratingPolicy and RBAC objects.
 *
 * @public
 */
export const VCLUSTER_REGISTRATION = 'tenancy-vcluster-argocd-clusters';

/** The Kyverno chart's background controller, which writes generated objects. */
const KYVERNO_BACKGROUND_CONTROLLER = {
  kind: 'ServiceAccount',
  name: 'kyverno-background-controller',
  namespace: 'kyverno',
};

/** The exported Secret's keys the cluster Secret is made of (PEM, base64 once). */
const TLS_KEYS = {
  caData: 'certificate-authority',
  certData: 'client-certificate',
  keyData: 'client-key',
} as const;

const quote = (s: string) => `'${s}'`;

/**
 * The Argo CD declarative cluster Secret of a vCluster, as a CEL expression
 * over the trigger (`object`, the vCluster's exported kubeconfig Secret
 * `<host namespace>-kubeconfig`): name `vcluster-<host namespace>`, server
 * the vCluster's Service in its host namespace (as `vclusterArgoCluster`
 * and the chart's `exportKubeConfig.additionalSecrets` name them), and
 * `config.tlsClientConfig` from the exported client certificate. The
 * exported data are base64 of the PEM, which is what Argo CD's `caData`,
 * `certData` and `keyData` hold, so they are copied as they are.
 */
function clusterSecretExpression(): string {
  const vcluster = 'string(variables.vcluster)';
  const data = (key: string) => `string(object.data[${quote(key)}])`;
  const tls = Object.entries(TLS_KEYS)
    .map(([field, key]) => `'"${field}":"' + ${data(key)} + '"'`)
    .join(` + ',' + `);
  return [
    '{',
    `  "apiVersion": dyn("v1"),`,
    `  "kind": dyn("Secret"),`,
    `  "type": dyn("Opaque"),`,
    `  "metadata": dyn({`,
    `    "name": dyn("vcluster-" + ${vcluster}),`,
    `    "namespace": dyn(${quote(ARGOCD_NAMESPACE)}),`,
    `    "labels": dyn({`,
    `      "argocd.argoproj.io/secret-type": "cluster",`,
    `      "${VCLUSTER_HOST_LABEL}": ${vcluster}`,
    `    })`,
    `  }),`,
    `  "stringData": dyn({`,
    `    "name": "vcluster-" + ${vcluster},`,
    `    "server": "https://" + ${vcluster} + "." + ${vcluster} + ".svc:443",`,
    `    "config": '{"tlsClientConfig":{"insecure":false,' + ${tls} + '}}'`,
    `  })`,
    '}',
  ].join('\n');
}

/**
 * What registers every vCluster in Argo CD, one set of objects for all,
 * shipped by the bootstrap: a Kyverno `GeneratingPolicy` that turns each
 * vCluster's exported kubeconfig Secret (`<host namespace>-kubeconfig`, in
 * a Namespace labelled `tenancy.io/vcluster`, written by the vCluster's
 * syncer) into an Argo CD declarative cluster Secret in Argo CD's
 * namespace, kept in sync with it and deleted with it; and the RBAC the
 * Kyverno background controller needs for that: read Secrets (aggregated
 * into its ClusterRole) and write them in Argo CD's namespace only.
 *
 * @public
 */
export function renderVClusterRegistration(): Manifest[] {
  const names = Object.values(TLS_KEYS).map(quote).join(', ');
  return [
    {
      apiVersion: 'policies.kyverno.io/v1',
      kind: 'GeneratingPolicy',
      metadata: { name: VCLUSTER_REGISTRATION },
      spec: {
        evaluation: {
          generateExisting: { enabled: true },
          synchronize: { enabled: true },
        },
        matchConstraints: {
          resourceRules: [
            {
              apiGroups: [''],
              apiVersions: ['v1'],
              operations: ['CREATE', 'UPDATE'],
              resources: ['secrets'],
            },
          ],
          namespaceSelector: {
            matchExpressions: [
              { key: VCLUSTER_HOST_LABEL, operator: 'Exists' },
            ],
          },
        },
        matchConditions: [
          {
            name: 'exported-kubeconfig',
            expression: `object.metadata.name == object.metadata.namespace + '-kubeconfig' && has(object.data) && [${names}].all(k, k in object.data && object.data[k] != '')`,
          },
        ],
        variables: [
          { name: 'vcluster', expression: 'object.metadata.namespace' },
          { name: 'clusterSecret', expression: clusterSecretExpression() },
        ],
        generate: [
          {
            expression: `generator.Apply(${quote(
              ARGOCD_NAMESPACE,
            )}, [variables.clusterSecret])`,
          },
        ],
      },
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: {
        name: VCLUSTER_REGISTRATION,
        labels: {
          'rbac.kyverno.io/aggregate-to-background-controller': 'true',
        },
      },
      rules: [
        {
          apiGroups: [''],
          resources: ['secrets'],
          verbs: ['get', 'list', 'watch'],
        },
      ],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: VCLUSTER_REGISTRATION, namespace: ARGOCD_NAMESPACE },
      rules: [
        {
          apiGroups: [''],
          resources: ['secrets'],
          verbs: [
            'get',
            'list',
            'watch',
            'create',
            'update',
            'patch',
            'delete',
          ],
        },
      ],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: VCLUSTER_REGISTRATION, namespace: ARGOCD_NAMESPACE },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'Role',
        name: VCLUSTER_REGISTRATION,
      },
      subjects: [KYVERNO_BACKGROUND_CONTROLLER],
    },
  ];
}
