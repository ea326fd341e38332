import type { TenantEntityV1alpha1 } from '../model/TenantEntityV1alpha1';
import type { ValidationProblem } from '../policy/ValidationProblem';
import type { ContainerLimits } from '../policy/rules/limits';
import {
  NamespaceRequestInput,
  validateNamespaceRequest,
} from '../policy/validateNamespaceRequest';
import { composeNamespaceName } from '../render/composeNamespaceName';
import { renderFluxTenantDelivery } from '../render/flux/renderFluxTenantDelivery';
import {
  NamespaceBundleRequest,
  renderNamespaceBundle,
} from '../render/renderNamespaceBundle';
import { serializeBundle } from '../render/serializeBundle';
import type { ProvisioningContext } from './ProvisioningContext';
import { resolveSettings } from './resolveSettings';
import { tenantForValidation } from './tenantForValidation';

/**
 * A namespace as asked for: its placement and name part, and its quota as a
 * size of the policy and/or explicit values.
 *
 * @public
 */
export interface NamespaceDraft extends Omit<NamespaceRequestInput, 'quota'> {
  /** A size of `tenancy.policy.quotaSizes`. */
  size?: string;
  /** Explicit quota values; override the size's. */
  quota?: Record<string, string>;
}

/**
 * A namespace request validated and rendered: the composed name and quota
 * always, the bundle and its files only when there is no problem.
 *
 * @public
 */
export interface PreparedNamespaceBundle {
  namespace: string;
  quota: Record<string, string>;
  /** The container LimitRange the namespace gets (see resolveContainerLimits). */
  limits: ContainerLimits;
  problems: ValidationProblem[];
  /** The environment's ceiling (empty for an unknown environment). */
  ceiling: Record<string, string>;
  request?: NamespaceBundleRequest;
  files: Record<string, string>;
}

/**
 * Validates a namespace request against its tenant and the platform policy
 * and renders its bundle to YAML files: the one preparation of a namespace,
 * used by the create, update and tenant actions, the wizard's check, the
 * example generator and the benchmark.
 *
 * @public
 */
export function prepareNamespaceBundle(
  draft: NamespaceDraft,
  options: {
    tenant: TenantEntityV1alpha1;
    owner: string;
    context: ProvisioningContext;
  },
): PreparedNamespaceBundle {
  const { tenant, owner, context } = options;
  const { policy, layout } = context;
  const resolved = resolveSettings(policy, draft);
  const input: NamespaceRequestInput = resolved.input;
  const problems = [
    ...resolved.problems,
    ...validateNamespaceRequest(input, {
      tenant: tenantForValidation(tenant),
      otherTenants: context.tenants,
      policy,
    }),
  ];
  const namespace = composeNamespaceName({
    tenant: input.tenant,
    environment: input.environment,
    suffix: input.name,
  });
  const environment = policy.environments[input.environment];
  const base = {
    namespace,
    quota: input.quota,
    limits: input.limits!,
    problems,
    ceiling: environment?.ceiling ?? {},
  };
  if (problems.length > 0 || !environment) return { ...base, files: {} };
  const { delivery, ...asked } = input;
  const request: NamespaceBundleRequest = {
    ...asked,
    namespace,
    owner,
    costCenter: tenant.spec.costCenter,
    ssoGroup: tenant.spec.ssoGroup!,
    clusterRoles: policy.clusterRoles,
    podSecurity: environment.podSecurity,
    requestedBy: context.requestedBy,
    ingressNamespaces: policy.ingressNamespaces,
    ...(delivery
      ? {
          fluxDelivery: renderFluxTenantDelivery({
            ...delivery,
            tenant: input.tenant,
            namespace,
            policy,
          }),
        }
      : {}),
  };
  return {
    ...base,
    request,
    files: serializeBundle(renderNamespaceBundle(request, layout)),
  };
}
