import { parseEntityRef } from '@backstage/catalog-model';
import { validateDnsLabel } from '../naming/validateDnsLabel';
import type { TenantIsolation } from '../model/TenantEntityV1alpha1';
import type { TenancyPolicy } from './TenancyPolicy';
import type { ValidationProblem } from './ValidationProblem';
import {
  CONTROL_CHARACTERS,
  NamespaceRequestInput,
  validateIdentityGroup,
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

const ISOLATIONS: TenantIsolation[] = ['namespaces', 'vclusters', 'both'];
const COST_CENTER = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
/** Room left in a 63-character namespace name for `-<name>-<environment>`. */
const MAX_TENANT_NAME = 40;

/**
 * Checks a tenant onboarding request against the platform policy and the
 * tenants that exist: name rules (DNS-1123, length, reserved prefixes, no
 * prefix overlap with another tenant either way), owner, cost center,
 * identity group, environments, free text, and each first namespace by the
 * namespace rules.
 *
 * @public
 */
export function validateTenantRequest(
  input: TenantRequestInput,
  context: { existingTenants: string[]; policy: TenancyPolicy },
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const add = (field: string, rule: string, message: string) =>
    problems.push({ field, rule, message });
  const { policy, existingTenants } = context;

  const nameProblem = validateDnsLabel(input.name, 'name');
  if (nameProblem) add('name', 'dns-1123', nameProblem);
  else if (input.name.length > MAX_TENANT_NAME) {
    add(
      'name',
      'length',
      `name "${input.name}" is ${input.name.length} characters long; at most ${MAX_TENANT_NAME}, so its namespaces' names fit in 63`,
    );
  }
  if (existingTenants.includes(input.name)) {
    add('name', 'exists', `tenant ${input.name} exists already`);
  }
  const reserved = policy.reservedPrefixes.find(p =>
    `${input.name}-`.startsWith(p),
  );
  if (reserved) {
    add(
      'name',
      'reserved-prefix',
      `name "${input.name}" would give namespaces starting with "${reserved}", a prefix reserved for the platform`,
    );
  }
  for (const other of existingTenants) {
    if (other === input.name) continue;
    if (
      input.name.startsWith(`${other}-`) ||
      other.startsWith(`${input.name}-`)
    ) {
      add(
        'name',
        'prefix-overlap',
        `name "${
          input.name
        }" and tenant ${other} would share the namespace prefix "${
          input.name.length < other.length ? input.name : other
        }-"`,
      );
    }
  }

  try {
    const ref = parseEntityRef(input.owner, { defaultKind: 'group' });
    if (ref.kind.toLocaleLowerCase('en-US') !== 'group') {
      add('owner', 'group', `owner "${input.owner}" must be a Group`);
    }
  } catch {
    add(
      'owner',
      'entity-ref',
      `owner "${input.owner}" is not an entity reference, e.g. group:default/team-payments`,
    );
  }
  if (!COST_CENTER.test(input.costCenter ?? '')) {
    add(
      'costCenter',
      'characters',
      `costCenter "${input.costCenter}" must be 1 to 63 letters, digits, '.', '_' or '-'`,
    );
  }
  problems.push(...validateIdentityGroup(input.ssoGroup, 'ssoGroup'));

  if (!input.environments?.length) {
    add('environments', 'required', 'environments must list at least one');
  }
  for (const env of new Set(input.environments ?? [])) {
    if (!policy.environments[env]) {
      add(
        'environments',
        'unknown-environment',
        `environment "${env}" is not configured under tenancy.policy.environments (${Object.keys(
          policy.environments,
        ).join(', ')})`,
      );
    }
  }
  if (input.isolation !== undefined && !ISOLATIONS.includes(input.isolation)) {
    add(
      'isolation',
      'enum',
      `isolation must be one of ${ISOLATIONS.join(', ')}`,
    );
  }
  for (const field of ['title', 'description', 'tier'] as const) {
    const text = input[field];
    if (text === undefined) continue;
    if (text.length > (field === 'description' ? 1000 : 100)) {
      add(field, 'length', `${field} is too long`);
    }
    if (
      CONTROL_CHARACTERS.test(text) ||
      (field !== 'description' && /\n/.test(text))
    ) {
      add(
        field,
        'characters',
        `${field} must not contain control characters${
          field === 'description' ? '' : ' or line breaks'
        }`,
      );
    }
  }

  const tenant = {
    name: input.name,
    environments: input.environments ?? [],
    ssoGroup: input.ssoGroup,
  };
  const seen = new Set<string>();
  (input.namespaces ?? []).forEach((ns, i) => {
    for (const p of validateNamespaceRequest(
      { ...ns, tenant: input.name },
      { tenant, otherTenants: existingTenants, policy },
    )) {
      // The tenant's own fields are reported once, above.
      if (p.field.startsWith('tenant')) continue;
      add(`namespaces[${i}].${p.field}`, p.rule, p.message);
    }
    const key = `${ns.environment}/${ns.name ?? ''}`;
    if (seen.has(key)) {
      add(
        `namespaces[${i}]`,
        'duplicate',
        `namespaces[${i}] asks for the same namespace as an earlier one`,
      );
    }
    seen.add(key);
  });
  return problems;
}
