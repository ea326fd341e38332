import { composeNamespaceName } from '../render/composeNamespaceName';
import type { TenancyPolicy } from './TenancyPolicy';
import type { ValidationProblem } from './ValidationProblem';
import type { FluxTenantDelivery } from '../render/flux/checkFluxTenantDelivery';
import { deliveryRule } from './rules/delivery';
import { freeTextRule } from './rules/freeText';
import { validateIdentityGroup } from './rules/identity';
import { labelsRule } from './rules/labels';
import { ContainerLimits, limitsRule } from './rules/limits';
import {
  dnsLabelRule,
  namespacePrefixOverlapRule,
  reservedNamespaceRule,
  reservedPrefixRule,
} from './rules/names';
import {
  allowedClusterRule,
  knownEnvironmentRule,
  tenantEnvironmentRule,
} from './rules/placement';
import { quotaRule } from './rules/quantities';

export type { ContainerLimits } from './rules/limits';

/**
 * What a developer asks for in the new-namespace wizard.
 *
 * @public
 */
export interface NamespaceRequestInput {
  tenant: string;
  environment: string;
  cluster: string;
  /** Optional middle part of the name: `<tenant>-<name>-<environment>`. */
  name?: string;
  /** ResourceQuota hard limits, resource name to quantity. */
  quota: Record<string, string>;
  limits?: ContainerLimits;
  /** Extra labels on the Namespace. */
  labels?: Record<string, string>;
  /** Why the namespace is needed; shown to the reviewer. */
  purpose?: string;
  /**
   * On a Flux cluster, the tenant's own repository reconciled into the
   * namespace with the tenant's rights (`renderFluxTenantDelivery`).
   */
  delivery?: FluxTenantDelivery;
}

/**
 * What the validation needs to know about the tenant and the fleet.
 *
 * @public
 */
export interface NamespaceRequestContext {
  tenant: { name: string; environments: string[]; ssoGroup?: string };
  /** Names of all other tenants, for the prefix-overlap rule. */
  otherTenants: string[];
  policy: TenancyPolicy;
}

/**
 * Checks a namespace request against the tenant and the platform policy.
 * Returns every problem found (empty when the request is valid); each names
 * the field and the rule. The rules live in `./rules/`, shared with the
 * vCluster and tenant requests.
 *
 * @public
 */
export function validateNamespaceRequest(
  input: NamespaceRequestInput,
  context: NamespaceRequestContext,
): ValidationProblem[] {
  const { tenant, policy } = context;
  const environment = policy.environments[input.environment];
  return [
    ...nameProblems(input, context),
    ...tenantEnvironmentRule(input.environment, tenant),
    ...knownEnvironmentRule(input.environment, policy),
    ...allowedClusterRule(input.cluster, input.environment, policy),
    ...quotaRule(input.quota, environment?.ceiling, input.environment),
    ...limitsRule(input.limits, input.quota),
    ...labelsRule(input.labels),
    ...validateIdentityGroup(tenant.ssoGroup),
    ...deliveryRule(input, policy),
    ...(input.purpose === undefined
      ? []
      : freeTextRule(input.purpose, 'purpose', { maxLength: 1000 })),
  ];
}

/** The parts of the name, then the composed namespace name. */
function nameProblems(
  input: NamespaceRequestInput,
  context: NamespaceRequestContext,
): ValidationProblem[] {
  const parts = [
    ...dnsLabelRule(input.tenant, 'tenant'),
    ...dnsLabelRule(input.environment, 'environment'),
    ...dnsLabelRule(input.cluster, 'cluster'),
    ...(input.name === undefined ? [] : dnsLabelRule(input.name, 'name')),
  ];
  const namespace = composeNamespaceName({
    tenant: input.tenant,
    environment: input.environment,
    suffix: input.name,
  });
  const composed = dnsLabelRule(namespace, 'name', 'namespace name');
  if (composed.length) return [...parts, ...composed];
  return [
    ...parts,
    ...reservedNamespaceRule(namespace, context.policy),
    ...reservedPrefixRule(namespace, context.policy),
    ...namespacePrefixOverlapRule(
      namespace,
      input.tenant,
      context.otherTenants,
    ),
  ];
}
