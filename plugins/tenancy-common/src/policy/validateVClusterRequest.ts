import type { TenantIsolation } from '../model/TenantEntityV1alpha1';
import {
  nodePoolRule,
  vclusterEngineRule,
  vclusterIsolationRule,
} from './rules/placement';
import {
  NamespaceRequestContext,
  NamespaceRequestInput,
  validateNamespaceRequest,
} from './validateNamespaceRequest';
import { vclusterFitRule } from './rules/vclusterFit';
import { vclusterNamePart } from '../render/vclusterNamePart';
import type { ValidationProblem } from './ValidationProblem';
import { vclusterValuesAllowListRule } from './vclusterValuesAllowList';

export {
  VCLUSTER_VALUES_ALLOW_LIST,
  vclusterValuesAllowListRule,
} from './vclusterValuesAllowList';

/**
 * What a developer asks for in the new-vCluster template. The vCluster and
 * its host namespace are called `<tenant>-vc-<name>-<environment>`.
 *
 * @public
 */
export interface VClusterRequestInput
  extends Omit<NamespaceRequestInput, 'name'> {
  name: string;
  /** A node pool of `tenancy.policy.nodePools`, for the control plane and the workloads. */
  nodePool?: string;
  /**
   * Extra `vcluster.yaml` values, only the key paths of
   * `VCLUSTER_VALUES_ALLOW_LIST`; the platform sets everything else.
   */
  values?: Record<string, unknown>;
}

/**
 * Top-level keys of the vCluster chart before 0.20, and where their settings
 * live in today's `vcluster.yaml`.
 */
const PRE_020_KEYS: Record<string, string> = {
  api: 'controlPlane.distro',
  controller: 'controlPlane.distro',
  scheduler: 'controlPlane.distro',
  k3sToken: 'controlPlane.distro.k3s',
  job: 'controlPlane.distro',
  vcluster: 'controlPlane.distro and controlPlane.statefulSet',
  syncer: 'controlPlane.statefulSet',
  storage: 'controlPlane.statefulSet.persistence',
  securityContext: 'controlPlane.statefulSet.security',
  enableHA: 'controlPlane.statefulSet.highAvailability',
  etcd: 'controlPlane.backingStore.etcd',
  embeddedEtcd: 'controlPlane.backingStore.etcd.embedded',
  coredns: 'controlPlane.coredns',
  proxy: 'controlPlane.proxy',
  ingress: 'controlPlane.ingress',
  service: 'controlPlane.service',
  hostpathMapper: 'controlPlane.hostPathMapper',
  serviceAccount: 'controlPlane.advanced.serviceAccount',
  workloadServiceAccount: 'controlPlane.advanced.workloadServiceAccount',
  defaultImageRegistry: 'controlPlane.advanced.defaultImageRegistry',
  isolation:
    'policies (resourceQuota, limitRange, networkPolicy, podSecurityStandard)',
  fallbackHostDns: 'networking.advanced.fallbackHostCluster',
  mapServices: 'networking.replicateServices',
  multiNamespaceMode: 'sync.toHost.namespaces',
  init: 'experimental.deploy',
  openshift: 'rbac',
};

/** Keys of the platform's own settings, which `values` may not set. */
const PLATFORM_KEYS = ['policies', 'exportKubeConfig'];

/**
 * Checks a vCluster request: its host namespace by the namespace rules, the
 * tenant's isolation, the node pool against the allow-list, and the extra
 * values: pre-0.20 keys (`pre-0.20-key`), platform-owned keys
 * (`platform-key`) and every other key path outside
 * `VCLUSTER_VALUES_ALLOW_LIST` (`not-allowed`). (The values' schema is
 * checked by the backend, against the chart's values.schema.json.)
 *
 * @public
 */
export function validateVClusterRequest(
  input: VClusterRequestInput,
  context: NamespaceRequestContext & {
    tenant: NamespaceRequestContext['tenant'] & { isolation?: TenantIsolation };
  },
): ValidationProblem[] {
  const problems = validateNamespaceRequest(
    { ...input, name: vclusterNamePart(input.name) },
    context,
  );
  const add = (field: string, rule: string, message: string) =>
    problems.push({ field, rule, message });
  problems.push(
    ...vclusterIsolationRule(context.tenant),
    ...nodePoolRule(input.nodePool, context.policy),
    ...vclusterEngineRule(input.cluster, context.policy),
    ...vclusterFitRule(input, context.policy),
  );
  const values = input.values ?? {};
  if (typeof values !== 'object' || Array.isArray(values)) {
    add('values', 'object', 'values must be a vcluster.yaml object');
    return problems;
  }
  for (const key of Object.keys(values)) {
    if (Object.prototype.hasOwnProperty.call(PRE_020_KEYS, key)) {
      add(
        `values.${key}`,
        'pre-0.20-key',
        `values.${key} is a vCluster key from before 0.20; the chart ${context.policy.vcluster.chartVersion} reads it from ${PRE_020_KEYS[key]}`,
      );
    } else if (PLATFORM_KEYS.includes(key)) {
      add(
        `values.${key}`,
        'platform-key',
        `values.${key} is set by the platform from the request (quota, limits, kubeconfig export)`,
      );
    }
  }
  const sync = (values as { sync?: Record<string, unknown> }).sync;
  for (const key of Object.keys(sync ?? {})) {
    if (key !== 'toHost' && key !== 'fromHost') {
      add(
        `values.sync.${key}`,
        'pre-0.20-key',
        `values.sync.${key} is the pre-0.20 form; since 0.20 it is sync.toHost.${key} or sync.fromHost.${key}`,
      );
    }
  }
  problems.push(
    ...vclusterValuesAllowListRule(
      values as Record<string, unknown>,
      path =>
        Object.prototype.hasOwnProperty.call(PRE_020_KEYS, path) ||
        PLATFORM_KEYS.includes(path) ||
        (path.startsWith('sync.') &&
          path.split('.').length === 2 &&
          path !== 'sync.toHost' &&
          path !== 'sync.fromHost'),
    ),
  );
  return problems;
}
