import type { TenantEntityV1alpha1 } from '../model/TenantEntityV1alpha1';
import type { ValidationProblem } from '../policy/ValidationProblem';
import {
  validateVClusterRequest,
  VClusterRequestInput,
} from '../policy/validateVClusterRequest';
import { composeNamespaceName } from '../render/composeNamespaceName';
import { vclusterNamePart } from '../render/vclusterNamePart';
import {
  renderVClusterBundle,
  renderVClusterValues,
  VClusterBundleRequest,
} from '../render/renderVClusterBundle';
import { serializeBundle } from '../render/serializeBundle';
import { changeVClusterProjectFile } from '../render/renderVClusterProject';
import {
  describeVClusterRequest,
  vclusterRequestChecks,
} from './describeVClusterRequest';
import type { PreparedChange } from './PreparedChange';
import type { ProvisioningContext } from './ProvisioningContext';
import { resolveSettings } from './resolveSettings';
import { tenantForValidation } from './tenantForValidation';

/**
 * A vCluster as asked for; the quota as a size and/or explicit values.
 *
 * @public
 */
export interface VClusterDraft extends Omit<VClusterRequestInput, 'quota'> {
  size?: string;
  quota?: Record<string, string>;
}

/**
 * `tenancy:vcluster:create` without its side effects: the validated host
 * namespace, chart Application and entity, and the pull request asking for
 * them. `validateValues` checks the rendered `vcluster.yaml` values against
 * the chart's schema (shipped with the scaffolder module). The change also
 * adds the vCluster's host namespace (and the chart's ClusterRole and
 * ClusterRoleBinding of it, by name) to the vClusters' AppProject,
 * `bootstrap/platform-vclusters.yaml`, given its text on the base branch
 * (`currentVClusterProject`; created when there is none).
 *
 * @public
 */
export function prepareVClusterCreate(
  draft: VClusterDraft,
  options: {
    tenant: TenantEntityV1alpha1;
    owner: string;
    context: ProvisioningContext;
    validateValues?: (values: Record<string, unknown>) => ValidationProblem[];
    /** The vClusters' AppProject file on the base branch, if there is one. */
    currentVClusterProject?: string;
  },
): PreparedChange & {
  name: string;
  /** The host namespace's quota (for the tenant budget). */
  quota: Record<string, string>;
} {
  const { tenant, owner, context, validateValues } = options;
  const { policy, layout } = context;
  const resolved = resolveSettings(policy, draft);
  const input: VClusterRequestInput = resolved.input;
  const problems = [
    ...resolved.problems,
    ...validateVClusterRequest(input, {
      tenant: tenantForValidation(tenant),
      otherTenants: context.tenants,
      policy,
    }),
  ];
  const name = composeNamespaceName({
    tenant: input.tenant,
    environment: input.environment,
    suffix: vclusterNamePart(input.name),
  });
  const environment = policy.environments[input.environment];
  const base = {
    quota: input.quota,
    name,
    tenant: input.tenant,
    subject: name,
    title: `New vCluster ${name} for tenant ${input.tenant} (${input.environment})`,
  };
  const request: VClusterBundleRequest = {
    ...input,
    namespace: name,
    owner,
    costCenter: tenant.spec.costCenter,
    podSecurity: environment?.podSecurity ?? 'restricted',
    requestedBy: context.requestedBy,
  };
  if (problems.length === 0 && validateValues) {
    problems.push(...validateValues(renderVClusterValues(request)));
  }
  if (problems.length > 0) {
    return { ...base, problems, files: {}, checks: [], describe: () => '' };
  }
  return {
    ...base,
    problems,
    files: {
      ...serializeBundle(
        renderVClusterBundle(request, layout, policy.vcluster),
      ),
      ...changeVClusterProjectFile({
        current: options.currentVClusterProject,
        project: policy.vcluster.project,
        chartRepo: policy.vcluster.chartRepo,
        add: { cluster: request.cluster, namespace: name },
      }),
    },
    checks: vclusterRequestChecks({
      chartVersion: policy.vcluster.chartVersion,
      valuesValidated: !!validateValues,
    }),
    describe: (paths, checks) =>
      describeVClusterRequest({
        request,
        vcluster: policy.vcluster,
        ceiling: environment.ceiling,
        files: paths,
        checks,
      }),
  };
}
