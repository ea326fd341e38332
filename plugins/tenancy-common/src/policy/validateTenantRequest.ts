import type { TenantIsolation } from '../model/TenantEntityV1alpha1';
import type { TenancyPolicy } from './TenancyPolicy';
import type { ValidationProblem } from './ValidationProblem';
import { costCenterRule } from './rules/costCenter';
import { freeTextRule } from './rules/freeText';
import { ownerGroupRule, validateIdentityGroup } from './rules/identity';
import {
  dnsLabelRule,
  tenantNameLengthRule,
  tenantPrefixOverlapRule,
  tenantReservedNameRule,
  tenantReservedPrefixRule,
} from './rules/names';
import { isolationRule, knownEnvironmentRule } from './rules/placement';
import { problem } from './rules/problem';
import {
  NamespaceRequestInput,
  validateNamespaceRequest,
} from './validateNamespaceRequest';

/**
 * What the new-tenant template asks for: the Tenant and its first namespaces.
 *
 * @public
 */
export interface TenantRequestInput {
  name: string;
  title?: string;
  description?: string;
  /** Entity reference of the owning Group. */
  owner: string;
  costCenter: string;
  ssoGroup: string;
  environments: string[];
  isolation?: TenantIsolation;
  tier?: string;
  /** First namespaces, each as in the new-namespace wizard (tenant implied). */
  namespaces?: Array<Omit<NamespaceRequestInput, 'tenant'>>;
}

/**
 * Checks a tenant onboarding request against the platform policy and the
 * tenants that exist: name rules (DNS-1123, length, reserved prefixes, no
 * prefix overlap with another tenant either way), owner, cost center (a
 * label value matching `policy.costCenterPattern`, the catalog's rule),
 * identity group, environments, free text, and each first namespace by the
 * namespace rules. The rules live in `./rules/`.
 *
 * @public
 */
export function validateTenantRequest(
  input: TenantRequestInput,
  context: { existingTenants: string[]; policy: TenancyPolicy },
): ValidationProblem[] {
  const { policy, existingTenants } = context;
  const name = dnsLabelRule(input.name, 'name');
  const problems = [
    ...(name.length ? name : tenantNameLengthRule(input.name)),
    ...(existingTenants.includes(input.name)
      ? [problem('name', 'exists', `tenant ${input.name} exists already`)]
      : []),
    ...tenantReservedNameRule(input.name, policy),
    ...tenantReservedPrefixRule(input.name, policy),
    ...tenantPrefixOverlapRule(input.name, existingTenants),
    ...ownerGroupRule(input.owner),
    ...costCenterRule(input.costCenter, policy),
    ...validateIdentityGroup(input.ssoGroup, 'ssoGroup'),
    ...(input.environments?.length
      ? []
      : [
          problem(
            'environments',
            'required',
            'environments must list at least one',
          ),
        ]),
    ...[...new Set(input.environments ?? [])].flatMap(env =>
      knownEnvironmentRule(env, policy, 'environments'),
    ),
    ...isolationRule(input.isolation),
    ...optionalText(input.title, 'title', { maxLength: 100, singleLine: true }),
    ...optionalText(input.description, 'description', { maxLength: 1000 }),
    ...optionalText(input.tier, 'tier', { maxLength: 100, singleLine: true }),
  ];
  return [...problems, ...firstNamespaceProblems(input, context)];
}

function optionalText(
  text: string | undefined,
  field: string,
  options: { maxLength: number; singleLine?: boolean },
) {
  return text === undefined ? [] : freeTextRule(text, field, options);
}

/** Each first namespace by the namespace rules, and no namespace twice. */
function firstNamespaceProblems(
  input: TenantRequestInput,
  context: { existingTenants: string[]; policy: TenancyPolicy },
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const tenant = {
    name: input.name,
    environments: input.environments ?? [],
    ssoGroup: input.ssoGroup,
  };
  const seen = new Set<string>();
  (input.namespaces ?? []).forEach((ns, i) => {
    for (const p of validateNamespaceRequest(
      { ...ns, tenant: input.name },
      { tenant, otherTenants: context.existingTenants, policy: context.policy },
    )) {
      // The tenant's own fields are reported once, above.
      if (p.field.startsWith('tenant')) continue;
      problems.push(problem(`namespaces[${i}].${p.field}`, p.rule, p.message));
    }
    const key = `${ns.environment}/${ns.name ?? ''}`;
    if (seen.has(key)) {
      problems.push(
        problem(
          `namespaces[${i}]`,
          'duplicate',
          `namespaces[${i}] asks for the same namespace as an earlier one`,
        ),
      );
    }
    seen.add(key);
  });
  return problems;
}
