import { parseQuantity } from '../quantity';
import type { ValidationProblem } from '../ValidationProblem';
import { problem } from './problem';

/** Quota resources counted in cores. */
const CPU = ['requests.cpu', 'limits.cpu'];
/** Quota resources counted in bytes. */
const MEMORY = [
  'requests.memory',
  'limits.memory',
  'requests.storage',
  'requests.ephemeral-storage',
  'limits.ephemeral-storage',
];
/** Quota resources counting objects. */
const COUNTS = [
  'pods',
  'services',
  'services.loadbalancers',
  'services.nodeports',
  'persistentvolumeclaims',
  'configmaps',
  'secrets',
];
/**
 * How CPU is written: whole cores with at most three decimals, or
 * millicores. Kubernetes rounds anything finer up to 1m, so `0.0001` or
 * `1e-400` would not mean what they say.
 */
const CPU_TEXT = /^(?:[0-9]+(?:\.[0-9]{1,3})?|[0-9]+m)$/;
/**
 * Quota resources every request sets.
 *
 * @public
 */
export const REQUIRED_QUOTA_RESOURCES = [
  'requests.cpu',
  'requests.memory',
  'limits.cpu',
  'limits.memory',
];

/**
 * Reads one quantity by the rules of its resource (`cpu`, `memory` or a
 * quota resource name): a string, a Kubernetes quantity, not negative, a
 * whole number for counts, whole binary units for memory and storage,
 * whole millicores for CPU. Returns its value in base units, or the problem
 * (rules `quantity`, `non-negative`, `integer`, `binary-units`,
 * `cpu-precision`).
 *
 * @public
 */
export function quantityRule(
  text: unknown,
  field: string,
  resource: string,
): { value: number } | { problem: ValidationProblem } {
  const fail = (rule: string, message: string) => ({
    problem: problem(field, rule, message),
  });
  if (typeof text !== 'string') {
    return fail(
      'quantity',
      `${field} must be a quantity written as a string, e.g. "2" or "4Gi"`,
    );
  }
  const quantity = parseQuantity(text);
  if (!quantity) {
    return fail(
      'quantity',
      `${field} "${text}" is not a Kubernetes quantity (e.g. "500m", "2", "4Gi")`,
    );
  }
  if (quantity.value < 0) {
    return fail('non-negative', `${field} "${text}" must not be negative`);
  }
  if (COUNTS.includes(resource) && !/^[0-9]+$/.test(text)) {
    return fail(
      'integer',
      `${field} "${text}" counts objects and must be a whole number`,
    );
  }
  if ((CPU.includes(resource) || resource === 'cpu') && !CPU_TEXT.test(text)) {
    return fail(
      'cpu-precision',
      `${field} "${text}" must be whole millicores: cores with at most three decimals ("0.5", "2") or millicores ("500m")`,
    );
  }
  const isMemory = MEMORY.includes(resource) || resource === 'memory';
  if (isMemory && !/^[0-9]+(Ki|Mi|Gi|Ti|Pi|Ei)$/.test(text)) {
    return fail(
      'binary-units',
      `${field} "${text}" must be a whole number of Ki, Mi, Gi or Ti (e.g. "512Mi")`,
    );
  }
  return { value: quantity.value };
}

/**
 * A ResourceQuota's hard limits: the required resources set and above zero,
 * only resources the platform sets quotas for and the environment has a
 * ceiling for, each a valid quantity within that ceiling, requests within
 * limits. Rules `required`, `positive`, `known-resource`, `no-ceiling`,
 * `ceiling`, `requests-within-limits` and those of {@link quantityRule}.
 * Fields are `quota.<resource>`.
 *
 * @public
 */
export function quotaRule(
  quota: Record<string, string> | undefined,
  ceiling: Record<string, string> | undefined,
  environment: string,
): ValidationProblem[] {
  const hard = quota ?? {};
  const problems: ValidationProblem[] = [];
  for (const resource of REQUIRED_QUOTA_RESOURCES) {
    if (hard[resource] === undefined) {
      problems.push(
        problem(
          `quota.${resource}`,
          'required',
          `quota.${resource} is required`,
        ),
      );
    }
  }
  const values: Record<string, number> = {};
  for (const [resource, text] of Object.entries(hard)) {
    const field = `quota.${resource}`;
    if (![...CPU, ...MEMORY, ...COUNTS].includes(resource)) {
      problems.push(
        problem(
          field,
          'known-resource',
          `${field} is not a resource the platform sets quotas for`,
        ),
      );
      continue;
    }
    const result = quantityRule(text, field, resource);
    if ('problem' in result) {
      problems.push(result.problem);
      continue;
    }
    values[resource] = result.value;
    if (REQUIRED_QUOTA_RESOURCES.includes(resource) && result.value === 0) {
      problems.push(
        problem(field, 'positive', `${field} must be more than zero`),
      );
    }
    if (ceiling && ceiling[resource] === undefined) {
      problems.push(
        problem(
          field,
          'no-ceiling',
          `${field} has no ceiling in ${environment} (tenancy.policy.environments.${environment}.ceiling): the platform sets one before tenants may ask for it`,
        ),
      );
      continue;
    }
    const cap =
      ceiling?.[resource] !== undefined
        ? parseQuantity(ceiling[resource])
        : undefined;
    if (cap && result.value > cap.value) {
      problems.push(
        problem(
          field,
          'ceiling',
          `${field} "${text}" exceeds the ${environment} ceiling of ${
            ceiling![resource]
          }`,
        ),
      );
    }
  }
  for (const kind of ['cpu', 'memory']) {
    const request = values[`requests.${kind}`];
    const limit = values[`limits.${kind}`];
    if (request !== undefined && limit !== undefined && request > limit) {
      problems.push(
        problem(
          `quota.requests.${kind}`,
          'requests-within-limits',
          `quota.requests.${kind} "${
            hard[`requests.${kind}`]
          }" must not exceed quota.limits.${kind} "${hard[`limits.${kind}`]}"`,
        ),
      );
    }
  }
  return problems;
}
