import { GitOpsLayout } from '../gitops/GitOpsLayout';
import type { ContainerLimits } from '../policy/validateNamespaceRequest';
import type { TenancyPolicy } from '../policy/TenancyPolicy';
import type { NamespaceRequest } from './NamespaceRequest';
import {
  Manifest,
  NamespaceBundle,
  renderNamespaceManifest,
  SECURE_QUOTA_DEFAULTS,
} from './renderNamespaceBundle';
import { renderNamespaceEntity } from './renderNamespaceEntity';
import { ARGOCD_NAMESPACE } from './renderTenantAppProject';
import {
  VCLUSTER_HOST_LABEL,
  vclusterArgoCluster,
} from './vclusterArgoCluster';
import {
  renderVClusterKubeconfigReader,
  vclusterKubeconfigSecretName,
} from './renderVClusterKubeconfigReader';

/**
 * Everything a vCluster bundle is made of. `namespace` is the host namespace
 * and the vCluster's name.
 *
 * @public
 */
export interface VClusterBundleRequest extends NamespaceRequest {
  podSecurity: 'privileged' | 'baseline' | 'restricted';
  quota: Record<string, string>;
  limits?: ContainerLimits;
  nodePool?: string;
  values?: Record<string, unknown>;
  labels?: Record<string, string>;
  purpose?: string;
  requestedBy?: string;
}

/**
 * The keys vCluster chart 0.36 sets by default under
 * `policies.resourceQuota.quota` and `policies.limitRange.default` /
 * `defaultRequest` (its values.yaml; a test compares them).
 *
 * @public
 */
export const VCLUSTER_CHART_POLICY_DEFAULTS = {
  quota: [
    'requests.cpu',
    'requests.memory',
    'requests.storage',
    'requests.ephemeral-storage',
    'limits.cpu',
    'limits.memory',
    'limits.ephemeral-storage',
    'services.nodeports',
    'services.loadbalancers',
    'count/endpoints',
    'count/pods',
    'count/services',
    'count/secrets',
    'count/configmaps',
    'count/persistentvolumeclaims',
  ],
  default: ['ephemeral-storage', 'memory', 'cpu'],
  defaultRequest: ['ephemeral-storage', 'memory', 'cpu'],
} as const;

/**
 * Node label and taint key of the platform's node pools.
 *
 * @public
 */
export const NODE_POOL_KEY = 'tenancy.io/node-pool';

/**
 * The `vcluster.yaml` values of a vCluster: the request's extra values (key
 * paths of `VCLUSTER_VALUES_ALLOW_LIST` only, checked before), then
 * the platform's keys on top: quota, limit range, network policy and Pod
 * Security through `policies`, node-pool scheduling, and the kubeconfig
 * exported to a secret in the host namespace, naming the vCluster's Service
 * there as its server (also a name of its certificate), which is how Argo
 * CD reaches it once registered (`renderVClusterRegistration`).
 *
 * @public
 */
export function renderVClusterValues(
  request: VClusterBundleRequest,
): Record<string, any> {
  const name = request.namespace;
  const values: Record<string, any> = structuredClone(request.values ?? {});
  const limits = request.limits ?? {};
  // Helm merges maps key by key: each chart default the platform does not
  // set is written as null, so the quota and limit range are exactly the
  // request's (null removes a key from the merged values).
  const unset = (keys: readonly string[]) =>
    Object.fromEntries(keys.map(k => [k, null]));
  values.policies = {
    podSecurityStandard: request.podSecurity,
    resourceQuota: {
      enabled: true,
      quota: {
        ...unset(VCLUSTER_CHART_POLICY_DEFAULTS.quota),
        ...SECURE_QUOTA_DEFAULTS,
        ...request.quota,
      },
    },
    limitRange: {
      enabled: true,
      // Defaults only: a per-container max would refuse the chart's own
      // control plane (4Gi); the quota bounds the whole namespace.
      ...Object.fromEntries(
        (['default', 'defaultRequest'] as const).map(level => [
          level,
          {
            ...unset(VCLUSTER_CHART_POLICY_DEFAULTS[level]),
            ...limits[level],
          },
        ]),
      ),
    },
    networkPolicy: { enabled: true },
  };
  const { server } = vclusterArgoCluster(name);
  values.exportKubeConfig = {
    context: name,
    additionalSecrets: [
      {
        name: vclusterKubeconfigSecretName(name),
        namespace: name,
        context: name,
        server,
      },
    ],
  };
  const san = new URL(server).hostname;
  const extraSANs: unknown[] = values.controlPlane?.proxy?.extraSANs ?? [];
  values.controlPlane = {
    ...values.controlPlane,
    proxy: {
      ...values.controlPlane?.proxy,
      extraSANs: extraSANs.includes(san) ? extraSANs : [...extraSANs, san],
    },
  };
  if (request.nodePool) {
    const pool = request.nodePool;
    const scheduling = {
      nodeSelector: { [NODE_POOL_KEY]: pool },
      tolerations: [
        {
          key: NODE_POOL_KEY,
          operator: 'Equal',
          value: pool,
          effect: 'NoSchedule',
        },
      ],
    };
    values.controlPlane = {
      ...values.controlPlane,
      statefulSet: { ...values.controlPlane?.statefulSet, scheduling },
    };
    values.sync = {
      ...values.sync,
      toHost: {
        ...values.sync?.toHost,
        pods: {
          ...values.sync?.toHost?.pods,
          enforceTolerations: [`${NODE_POOL_KEY}=${pool}:NoSchedule`],
        },
      },
      // Syncing the pool's real nodes also sets their labels as the node
      // selector of every pod the vCluster syncs to the host.
      fromHost: {
        ...values.sync?.fromHost,
        nodes: {
          enabled: true,
          selector: { labels: { [NODE_POOL_KEY]: pool } },
        },
      },
    };
  }
  return values;
}

/**
 * Renders a vCluster: its host Namespace (labelled `tenancy.io/vcluster`,
 * which the registration policy selects; with a kustomization, deployed to
 * the cluster like a namespace folder), with the platform's
 * `kubeconfigReader` the grant to read the exported kubeconfig
 * (`renderVClusterKubeconfigReader`, `kubeconfig-reader.yaml`), the Argo CD
 * Application of the vCluster chart (in `argocd/`, applied to Argo CD's
 * namespace), and the catalog entity.
 *
 * The Application belongs to the platform's vCluster project
 * (`policy.vcluster.project`), not the tenant's: the chart creates RBAC,
 * ResourceQuota, LimitRange and NetworkPolicy objects in the host namespace
 * (and, with a node pool, a ClusterRole to read nodes), which the tenant's
 * project blocks so that tenants' applications cannot lift their own limits.
 * That project allows this vCluster only once the request's pull request
 * adds its host namespace and the chart's ClusterRole and ClusterRoleBinding
 * of it (by name) to `bootstrap/platform-vclusters.yaml`
 * (`changeVClusterProjectFile`, in `prepareVClusterCreate`). The request's
 * `values` are limited to `VCLUSTER_VALUES_ALLOW_LIST` by
 * `validateVClusterRequest`.
 *
 * @public
 */
export function renderVClusterBundle(
  request: VClusterBundleRequest,
  layout: GitOpsLayout,
  vcluster: TenancyPolicy['vcluster'],
): NamespaceBundle {
  const { tenant, environment, namespace: name } = request;
  const dir = layout.namespaceDir(tenant, environment, name);
  const application: Manifest = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name: `vcluster-${name}`,
      namespace: ARGOCD_NAMESPACE,
      labels: {
        'tenancy.io/tenant': tenant,
        'tenancy.io/environment': environment,
      },
      finalizers: ['resources-finalizer.argocd.argoproj.io'],
    },
    spec: {
      project: vcluster.project,
      source: {
        repoURL: vcluster.chartRepo,
        chart: 'vcluster',
        targetRevision: vcluster.chartVersion,
        helm: {
          releaseName: name,
          valuesObject: renderVClusterValues(request),
        },
      },
      destination: { name: request.cluster, namespace: name },
      syncPolicy: { automated: { prune: true, selfHeal: true } },
    },
  };
  const entity = renderNamespaceEntity(request, { type: 'vcluster' });
  if (request.purpose) entity.metadata.description = request.purpose;
  const hostNamespace = renderNamespaceManifest(request);
  (hostNamespace.metadata as { labels: Record<string, string> }).labels[
    VCLUSTER_HOST_LABEL
  ] = name;
  const reader =
    vcluster.kubeconfigReader &&
    renderVClusterKubeconfigReader(name, vcluster.kubeconfigReader);
  const readerFile = 'kubeconfig-reader.yaml';
  return {
    [`${dir}/namespace.yaml`]: [hostNamespace],
    ...(reader ? { [`${dir}/${readerFile}`]: reader } : {}),
    [`${dir}/kustomization.yaml`]: [
      {
        apiVersion: 'kustomize.config.k8s.io/v1beta1',
        kind: 'Kustomization',
        resources: ['namespace.yaml', ...(reader ? [readerFile] : [])],
      },
    ],
    [`${layout.argocdDir(
      tenant,
      environment,
      name,
    )}/vcluster-application.yaml`]: [application],
    [layout.namespaceEntityFile(tenant, environment, name)]: [entity],
  };
}
