import type { Entity } from '@backstage/catalog-model';
import { GitOpsLayout } from '../gitops/GitOpsLayout';
import { CONTAINER_LIMIT_LEVELS } from '../policy/rules/limits';
import type { ContainerLimits } from '../policy/validateNamespaceRequest';
import type { NamespaceRequest } from './NamespaceRequest';
import { NAMESPACE_BUNDLE_FILES } from './namespaceBundleFiles';
import { renderNamespaceEntity } from './renderNamespaceEntity';

/**
 * A Kubernetes object as rendered: plain data, serialised with a YAML library.
 *
 * @public
 */
export type Manifest = Record<string, unknown>;

/**
 * Everything a namespace bundle is made of: the identity of the namespace and
 * what the request and the policy set for it.
 *
 * @public
 */
export interface NamespaceBundleRequest extends NamespaceRequest {
  /** The tenant's identity-provider group, bound to each of `clusterRoles`. */
  ssoGroup: string;
  clusterRoles: string[];
  podSecurity: 'privileged' | 'baseline' | 'restricted';
  quota: Record<string, string>;
  limits?: ContainerLimits;
  labels?: Record<string, string>;
  purpose?: string;
  /** Who asked, an entity reference; recorded on the namespace. */
  requestedBy?: string;
  /**
   * Namespaces whose pods may reach the namespace's pods (the ingress
   * controller's), from `tenancy.policy.ingressNamespaces`.
   */
  ingressNamespaces?: string[];
  /**
   * The tenant's own delivery on a Flux cluster, rendered
   * (`renderFluxTenantDelivery`): written to the folder's
   * `flux-delivery.yaml` and listed in its kustomization.
   */
  fluxDelivery?: Manifest[];
}

/**
 * The files of a namespace bundle, by path in the GitOps repository: each a
 * list of objects (one YAML document each).
 *
 * @public
 */
export type NamespaceBundle = Record<string, Array<Manifest | Entity>>;

/**
 * Quota of what a tenant may only get by asking: load balancers and node ports.
 *
 * @public
 */
export const SECURE_QUOTA_DEFAULTS = {
  'services.loadbalancers': '0',
  'services.nodeports': '0',
};

/**
 * Renders the namespace bundle: Namespace, RoleBindings of the tenant's SSO
 * group, ResourceQuota, LimitRange, NetworkPolicies, on a Flux cluster the
 * tenant's own delivery when asked for, a kustomization listing them, and
 * the catalog entity.
 *
 * @public
 */
export function renderNamespaceBundle(
  request: NamespaceBundleRequest,
  layout: GitOpsLayout,
): NamespaceBundle {
  const { tenant, environment, namespace } = request;
  const dir = layout.namespaceDir(tenant, environment, namespace);
  const manifests: Record<string, Manifest[]> = {
    [NAMESPACE_BUNDLE_FILES.namespace]: [renderNamespaceManifest(request)],
    'rolebindings.yaml': request.clusterRoles.map(role =>
      renderRoleBinding(request, role),
    ),
    [NAMESPACE_BUNDLE_FILES.quota]: [renderResourceQuota(request)],
    [NAMESPACE_BUNDLE_FILES.limits]: [renderLimitRange(request)],
    'networkpolicies.yaml': renderNetworkPolicies(
      namespace,
      request.ingressNamespaces ?? [],
    ),
    ...(request.fluxDelivery?.length
      ? { 'flux-delivery.yaml': request.fluxDelivery }
      : {}),
  };
  const bundle: NamespaceBundle = {};
  for (const [file, objects] of Object.entries(manifests)) {
    bundle[`${dir}/${file}`] = objects;
  }
  bundle[`${dir}/kustomization.yaml`] = [
    {
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: Object.keys(manifests),
    },
  ];
  const entity = renderNamespaceEntity(request);
  if (request.purpose) {
    entity.metadata.description = request.purpose;
  }
  bundle[layout.namespaceEntityFile(tenant, environment, namespace)] = [entity];
  return bundle;
}

/**
 * The Namespace object: tenant, environment and cost-center labels, and Pod
 * Security Standards enforced at the environment's level.
 *
 * @public
 */
export function renderNamespaceManifest(
  request: Pick<
    NamespaceBundleRequest,
    | 'namespace'
    | 'tenant'
    | 'environment'
    | 'costCenter'
    | 'podSecurity'
    | 'labels'
    | 'purpose'
    | 'requestedBy'
  >,
): Manifest {
  const annotations: Record<string, string> = {};
  if (request.purpose) annotations['tenancy.io/purpose'] = request.purpose;
  if (request.requestedBy)
    annotations['tenancy.io/requested-by'] = request.requestedBy;
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: request.namespace,
      labels: {
        ...request.labels,
        'tenancy.io/tenant': request.tenant,
        'tenancy.io/environment': request.environment,
        'tenancy.io/cost-center': request.costCenter,
        'pod-security.kubernetes.io/enforce': request.podSecurity,
        'pod-security.kubernetes.io/enforce-version': 'latest',
        // Warn and audit at the strictest level, so teams see what `restricted` would refuse.
        'pod-security.kubernetes.io/warn': 'restricted',
        'pod-security.kubernetes.io/audit': 'restricted',
      },
      ...(Object.keys(annotations).length ? { annotations } : {}),
    },
  };
}

function renderRoleBinding(
  request: NamespaceBundleRequest,
  clusterRole: string,
): Manifest {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: {
      name: `tenant-${clusterRole}`,
      namespace: request.namespace,
      labels: { 'tenancy.io/tenant': request.tenant },
    },
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: clusterRole,
    },
    subjects: [
      {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'Group',
        name: request.ssoGroup,
      },
    ],
  };
}

function renderResourceQuota(request: NamespaceBundleRequest): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: { name: 'tenant-quota', namespace: request.namespace },
    spec: { hard: { ...SECURE_QUOTA_DEFAULTS, ...request.quota } },
  };
}

function renderLimitRange(request: NamespaceBundleRequest): Manifest {
  const { limits = {} } = request;
  const item: Record<string, unknown> = { type: 'Container' };
  for (const level of CONTAINER_LIMIT_LEVELS) {
    if (limits[level] && Object.keys(limits[level]!).length)
      item[level] = { ...limits[level] };
  }
  return {
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: { name: 'tenant-limits', namespace: request.namespace },
    spec: { limits: [item] },
  };
}

/**
 * Default deny in both directions, DNS to kube-dns only, and traffic within
 * the namespace. Namespaces are selected by the immutable
 * `kubernetes.io/metadata.name` label, which tenants cannot forge.
 */
function renderNetworkPolicies(
  namespace: string,
  ingressNamespaces: string[],
): Manifest[] {
  const policy = (name: string, spec: Manifest): Manifest => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace },
    spec,
  });
  const sameNamespace = {
    namespaceSelector: {
      matchLabels: { 'kubernetes.io/metadata.name': namespace },
    },
    podSelector: {},
  };
  return [
    policy('default-deny-all', {
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
    }),
    policy('allow-dns-egress', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
          to: [
            {
              namespaceSelector: {
                matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' },
              },
              podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
            },
          ],
          ports: [
            { protocol: 'UDP', port: 53 },
            { protocol: 'TCP', port: 53 },
          ],
        },
      ],
    }),
    policy('allow-same-namespace', {
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [sameNamespace] }],
      egress: [{ to: [sameNamespace] }],
    }),
    // Without it, the default deny shuts out the ingress controller, and the
    // tenant's Ingresses receive no traffic (tenants cannot add policies).
    ...(ingressNamespaces.length
      ? [
          policy('allow-from-ingress', {
            podSelector: {},
            policyTypes: ['Ingress'],
            ingress: [
              {
                from: [
                  {
                    namespaceSelector: {
                      matchExpressions: [
                        {
                          key: 'kubernetes.io/metadata.name',
                          operator: 'In',
                          values: ingressNamespaces,
                        },
                      ],
                    },
                  },
                ],
              },
            ],
          }),
        ]
      : []),
  ];
}
