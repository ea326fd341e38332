import type { Manifest } from './renderNamespaceBundle';

/**
 * The platform's ClusterRole for tenants, bound in each of their namespaces
 * (the default of `tenancy.policy.clusterRoles`).
 *
 * @public
 */
export const TENANT_CLUSTER_ROLE = 'tenancy-tenant';

/**
 * Label of the ClusterRoles whose rules `tenancy-tenant` aggregates, besides
 * the ones labelled `rbac.authorization.k8s.io/aggregate-to-view`.
 *
 * @public
 */
export const TENANT_AGGREGATION_LABEL = 'tenancy.io/aggregate-to-tenant';

const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];
const READ = ['get', 'list', 'watch'];

/**
 * The write rules of the built-in `edit` role without NetworkPolicy:
 * `system:aggregate-to-edit` as the Kubernetes bootstrap policy defines it
 * (`plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go`, its fixture
 * `testdata/cluster-roles.yaml`), rule for rule, with `networkpolicies` taken
 * out of the `extensions` and `networking.k8s.io` rules. `edit` itself grants
 * no write on ResourceQuota, LimitRange, Role, RoleBinding or Namespace
 * (those are `admin`'s, through `system:aggregate-to-admin`, or nobody's),
 * and neither does this.
 */
const EDIT_WITHOUT_NETWORK_POLICIES = [
  {
    apiGroups: [''],
    resources: [
      'pods/attach',
      'pods/exec',
      'pods/portforward',
      'pods/proxy',
      'secrets',
      'services/proxy',
    ],
    verbs: READ,
  },
  { apiGroups: [''], resources: ['serviceaccounts'], verbs: ['impersonate'] },
  {
    apiGroups: [''],
    resources: [
      'pods',
      'pods/attach',
      'pods/exec',
      'pods/portforward',
      'pods/proxy',
    ],
    verbs: WRITE,
  },
  { apiGroups: [''], resources: ['pods/eviction'], verbs: ['create'] },
  {
    apiGroups: [''],
    resources: [
      'configmaps',
      'events',
      'persistentvolumeclaims',
      'replicationcontrollers',
      'replicationcontrollers/scale',
      'secrets',
      'serviceaccounts',
      'services',
      'services/proxy',
    ],
    verbs: WRITE,
  },
  { apiGroups: [''], resources: ['serviceaccounts/token'], verbs: ['create'] },
  {
    apiGroups: ['apps'],
    resources: [
      'daemonsets',
      'deployments',
      'deployments/rollback',
      'deployments/scale',
      'replicasets',
      'replicasets/scale',
      'statefulsets',
      'statefulsets/scale',
    ],
    verbs: WRITE,
  },
  {
    apiGroups: ['autoscaling'],
    resources: ['horizontalpodautoscalers'],
    verbs: WRITE,
  },
  { apiGroups: ['batch'], resources: ['cronjobs', 'jobs'], verbs: WRITE },
  {
    apiGroups: ['extensions'],
    resources: [
      'daemonsets',
      'deployments',
      'deployments/rollback',
      'deployments/scale',
      'ingresses',
      'replicasets',
      'replicasets/scale',
      'replicationcontrollers/scale',
    ],
    verbs: WRITE,
  },
  {
    apiGroups: ['policy'],
    resources: ['poddisruptionbudgets'],
    verbs: WRITE,
  },
  { apiGroups: ['networking.k8s.io'], resources: ['ingresses'], verbs: WRITE },
  {
    apiGroups: ['coordination.k8s.io'],
    resources: ['leases'],
    verbs: [...WRITE, ...READ].sort(),
  },
];

/**
 * The platform's ClusterRoles for tenants. RBAC aggregation only adds rules
 * and the controller overwrites the rules of a role with an
 * `aggregationRule`, so the role is built up, never cut down from `edit`:
 *
 * - `tenancy-tenant`: aggregated, no rules of its own; it collects every
 *   ClusterRole labelled `rbac.authorization.k8s.io/aggregate-to-view: "true"`
 *   (the built-in read rules: no Secrets, read-only quota, limit ranges,
 *   network policies, the namespace) and every one labelled
 *   `tenancy.io/aggregate-to-tenant: "true"`.
 * - `tenancy-tenant-edit`: labelled for it, the explicit write rules of
 *   `edit` without NetworkPolicy.
 *
 * Neither can write NetworkPolicy, ResourceQuota, LimitRange, Role,
 * RoleBinding or Namespace: a tenant cannot lift its quota, open its
 * network policy, grant itself more, or relabel its namespace (platform and
 * Pod Security labels); see `docs/gitops-layout.md`.
 *
 * @public
 */
export function renderTenantClusterRoles(): Manifest[] {
  const labels = { 'app.kubernetes.io/managed-by': 'tenancy-platform' };
  return [
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: {
        name: TENANT_CLUSTER_ROLE,
        labels,
        annotations: {
          'tenancy.io/description':
            'What a tenant may do in its namespaces: read like view, write like edit without NetworkPolicy; never ResourceQuota, LimitRange, Role, RoleBinding or the Namespace.',
        },
      },
      aggregationRule: {
        clusterRoleSelectors: [
          {
            matchLabels: {
              'rbac.authorization.k8s.io/aggregate-to-view': 'true',
            },
          },
          { matchLabels: { [TENANT_AGGREGATION_LABEL]: 'true' } },
        ],
      },
      // No `rules`: the aggregation controller fills them in, and a manifest
      // that declared them (even empty) would show Argo CD a diff on every
      // refresh and be "fixed" by self-heal over and over.
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: {
        name: `${TENANT_CLUSTER_ROLE}-edit`,
        labels: { ...labels, [TENANT_AGGREGATION_LABEL]: 'true' },
      },
      rules: EDIT_WITHOUT_NETWORK_POLICIES,
    },
  ];
}
