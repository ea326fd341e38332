import { validateDnsLabel } from '../naming/validateDnsLabel';
import { composeNamespaceName } from '../render/composeNamespaceName';
import { parseQuantity } from './quantity';
import type { TenancyPolicy } from './TenancyPolicy';
import type { ValidationProblem } from './ValidationProblem';

/**
 * CPU and memory settings of a LimitRange for containers.
 *
 * @public
 */
export interface ContainerLimits {
  defaultRequest?: { cpu?: string; memory?: string };
  default?: { cpu?: string; memory?: string };
  max?: { cpu?: string; memory?: string };
}

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

const CPU = ['requests.cpu', 'limits.cpu'];
const MEMORY = [
  'requests.memory',
  'limits.memory',
  'requests.storage',
  'requests.ephemeral-storage',
  'limits.ephemeral-storage',
];
const COUNTS = [
  'pods',
  'services',
  'services.loadbalancers',
  'services.nodeports',
  'persistentvolumeclaims',
  'configmaps',
  'secrets',
];
const REQUIRED = [
  'requests.cpu',
  'requests.memory',
  'limits.cpu',
  'limits.memory',
];
const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const RESERVED_LABEL_DOMAINS = ['tenancy.io', 'kubernetes.io', 'k8s.io'];
/** Control characters other than tab and line feed. */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/**
 * Checks a namespace request against the tenant and the platform policy.
 * Returns every problem found (empty when the request is valid); each names
 * the field and the rule.
 *
 * @public
 */
export function validateNamespaceRequest(
  input: NamespaceRequestInput,
  context: NamespaceRequestContext,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const add = (field: string, rule: string, message: string) =>
    problems.push({ field, rule, message });

  checkNames(input, context, add);
  checkPlacement(input, context, add);
  checkQuota(
    input,
    context.policy.environments[input.environment]?.ceiling,
    add,
  );
  checkLimits(input.limits ?? {}, add);
  checkLabels(input.labels ?? {}, add);
  problems.push(...validateIdentityGroup(context.tenant.ssoGroup));
  if (input.purpose !== undefined) {
    if (input.purpose.length > 1000) {
      add(
        'purpose',
        'length',
        `purpose is ${input.purpose.length} characters long; at most 1000`,
      );
    }
    if (CONTROL_CHARACTERS.test(input.purpose)) {
      add(
        'purpose',
        'characters',
        'purpose must not contain control characters',
      );
    }
  }
  return problems;
}

type Add = (field: string, rule: string, message: string) => void;

function checkNames(
  input: NamespaceRequestInput,
  context: NamespaceRequestContext,
  add: Add,
) {
  for (const field of ['tenant', 'environment', 'cluster'] as const) {
    const problem = validateDnsLabel(input[field], field);
    if (problem) add(field, 'dns-1123', problem);
  }
  if (input.name !== undefined) {
    const problem = validateDnsLabel(input.name, 'name');
    if (problem) add('name', 'dns-1123', problem);
  }
  const namespace = composeNamespaceName({
    tenant: input.tenant,
    environment: input.environment,
    suffix: input.name,
  });
  const problem = validateDnsLabel(namespace, 'namespace name');
  if (problem) {
    add('name', 'dns-1123', problem);
    return;
  }
  const { policy } = context;
  if (policy.reservedNamespaces.includes(namespace)) {
    add(
      'name',
      'reserved',
      `namespace name "${namespace}" is reserved for the platform`,
    );
  }
  const prefix = policy.reservedPrefixes.find(p => namespace.startsWith(p));
  if (prefix) {
    add(
      'name',
      'reserved-prefix',
      `namespace name "${namespace}" starts with "${prefix}", a prefix reserved for the platform`,
    );
  }
  const other = context.otherTenants.find(
    t => t !== input.tenant && namespace.startsWith(`${t}-`),
  );
  if (other) {
    add(
      'name',
      'prefix-overlap',
      `namespace name "${namespace}" starts with "${other}-", the prefix of tenant ${other}`,
    );
  }
}

function checkPlacement(
  input: NamespaceRequestInput,
  context: NamespaceRequestContext,
  add: Add,
) {
  const { tenant, policy } = context;
  if (!tenant.environments.includes(input.environment)) {
    add(
      'environment',
      'tenant-environment',
      `environment "${input.environment}" is not one of tenant ${
        tenant.name
      }'s environments (${tenant.environments.join(', ') || 'none'})`,
    );
  }
  const environment = policy.environments[input.environment];
  if (!environment) {
    add(
      'environment',
      'unknown-environment',
      `environment "${input.environment}" is not configured under tenancy.policy.environments`,
    );
    return;
  }
  if (!environment.clusters.includes(input.cluster)) {
    add(
      'cluster',
      'allowed-cluster',
      `cluster "${input.cluster}" is not allowed for ${
        input.environment
      } (allowed: ${environment.clusters.join(', ')})`,
    );
  }
}

function checkQuota(
  input: NamespaceRequestInput,
  ceiling: Record<string, string> | undefined,
  add: Add,
) {
  const quota = input.quota ?? {};
  for (const resource of REQUIRED) {
    if (quota[resource] === undefined) {
      add(`quota.${resource}`, 'required', `quota.${resource} is required`);
    }
  }
  const values: Record<string, number> = {};
  for (const [resource, text] of Object.entries(quota)) {
    const field = `quota.${resource}`;
    if (![...CPU, ...MEMORY, ...COUNTS].includes(resource)) {
      add(
        field,
        'known-resource',
        `${field} is not a resource the platform sets quotas for`,
      );
      continue;
    }
    const value = checkQuantity(field, text, resource, add);
    if (value === undefined) continue;
    values[resource] = value;
    const cap =
      ceiling?.[resource] !== undefined
        ? parseQuantity(ceiling[resource])
        : undefined;
    if (cap && value > cap.value) {
      add(
        field,
        'ceiling',
        `${field} "${text}" exceeds the ${input.environment} ceiling of ${
          ceiling![resource]
        }`,
      );
    }
  }
  for (const kind of ['cpu', 'memory']) {
    const request = values[`requests.${kind}`];
    const limit = values[`limits.${kind}`];
    if (request !== undefined && limit !== undefined && request > limit) {
      add(
        `quota.requests.${kind}`,
        'requests-within-limits',
        `quota.requests.${kind} "${
          quota[`requests.${kind}`]
        }" must not exceed quota.limits.${kind} "${quota[`limits.${kind}`]}"`,
      );
    }
  }
}

/** Checks one quantity by the rules of its resource; returns its value when valid. */
function checkQuantity(
  field: string,
  text: unknown,
  resource: string,
  add: Add,
) {
  if (typeof text !== 'string') {
    add(
      field,
      'quantity',
      `${field} must be a quantity written as a string, e.g. "2" or "4Gi"`,
    );
    return undefined;
  }
  const quantity = parseQuantity(text);
  if (!quantity) {
    add(
      field,
      'quantity',
      `${field} "${text}" is not a Kubernetes quantity (e.g. "500m", "2", "4Gi")`,
    );
    return undefined;
  }
  if (quantity.value < 0) {
    add(field, 'non-negative', `${field} "${text}" must not be negative`);
    return undefined;
  }
  if (COUNTS.includes(resource) && !/^[0-9]+$/.test(text)) {
    add(
      field,
      'integer',
      `${field} "${text}" counts objects and must be a whole number`,
    );
    return undefined;
  }
  const isMemory = MEMORY.includes(resource) || resource === 'memory';
  if (isMemory && !/^[0-9]+(Ki|Mi|Gi|Ti|Pi|Ei)$/.test(text)) {
    add(
      field,
      'binary-units',
      `${field} "${text}" must be a whole number of Ki, Mi, Gi or Ti (e.g. "512Mi")`,
    );
    return undefined;
  }
  return quantity.value;
}

function checkLimits(limits: ContainerLimits, add: Add) {
  const values: Record<string, Record<string, number>> = {};
  for (const level of ['defaultRequest', 'default', 'max'] as const) {
    for (const [kind, text] of Object.entries(limits[level] ?? {})) {
      const field = `limits.${level}.${kind}`;
      if (kind !== 'cpu' && kind !== 'memory') {
        add(
          field,
          'known-resource',
          `${field}: only cpu and memory can be set`,
        );
        continue;
      }
      const value = checkQuantity(field, text, kind, add);
      if (value !== undefined) (values[level] ??= {})[kind] = value;
    }
  }
  const order: Array<[string, string]> = [
    ['defaultRequest', 'default'],
    ['default', 'max'],
    ['defaultRequest', 'max'],
  ];
  for (const kind of ['cpu', 'memory']) {
    for (const [lower, upper] of order) {
      const a = values[lower]?.[kind];
      const b = values[upper]?.[kind];
      if (a !== undefined && b !== undefined && a > b) {
        add(
          `limits.${lower}.${kind}`,
          'limits-order',
          `limits.${lower}.${kind} must not exceed limits.${upper}.${kind}`,
        );
      }
    }
  }
}

function checkLabels(labels: Record<string, string>, add: Add) {
  for (const [key, value] of Object.entries(labels)) {
    const field = `labels.${key}`;
    const slash = key.lastIndexOf('/');
    const prefix = slash === -1 ? undefined : key.slice(0, slash);
    const name = slash === -1 ? key : key.slice(slash + 1);
    if (
      prefix !== undefined &&
      (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))
    ) {
      add(
        field,
        'label-key',
        `label key "${key}" has a prefix that is not a DNS subdomain`,
      );
    } else if (
      name.length === 0 ||
      name.length > 63 ||
      !LABEL_NAME.test(name)
    ) {
      add(
        field,
        'label-key',
        `label key "${key}" must be at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`,
      );
    } else if (
      prefix &&
      RESERVED_LABEL_DOMAINS.some(d => prefix === d || prefix.endsWith(`.${d}`))
    ) {
      add(
        field,
        'reserved-label',
        `label key "${key}" uses a prefix the platform reserves`,
      );
    }
    if (
      typeof value !== 'string' ||
      value.length > 63 ||
      (value !== '' && !LABEL_NAME.test(value))
    ) {
      add(
        field,
        'label-value',
        `label value of "${key}" must be at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`,
      );
    }
  }
}

/**
 * Checks an identity-provider group to bind: set, not a Kubernetes system
 * group, no wildcard, no spaces or control characters.
 *
 * @public
 */
export function validateIdentityGroup(
  group: string | undefined,
  field = 'tenant.ssoGroup',
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const add = (rule: string, message: string) =>
    problems.push({ field, rule, message });
  if (group === undefined) {
    add('required', `${field} is required: the group to bind in the namespace`);
    return problems;
  }
  if (group.startsWith('system:')) {
    add(
      'system-group',
      `${field} "${group}" is a Kubernetes system group; bind a group of your identity provider`,
    );
  }
  if (group.includes('*')) {
    add('wildcard', `${field} "${group}" must not contain a wildcard`);
  }
  if (
    /\s/.test(group) ||
    CONTROL_CHARACTERS.test(group) ||
    group.length === 0 ||
    group.length > 256
  ) {
    add(
      'characters',
      `${field} "${group}" must be 1 to 256 characters without spaces or control characters`,
    );
  }
  return problems;
}
