import type { ValidationProblem } from '../ValidationProblem';
import { problem } from './problem';
import { parseQuantity } from '../quantity';
import { quantityRule } from './quantities';

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
 * The levels of a container LimitRange the platform sets.
 *
 * @public
 */
export const CONTAINER_LIMIT_LEVELS = [
  'defaultRequest',
  'default',
  'max',
] as const;

const LEVELS = CONTAINER_LIMIT_LEVELS;

/**
 * Container limits laid over each other value by value, later layers
 * winning; levels nobody sets are left out.
 *
 * @public
 */
export function layerContainerLimits(
  ...layers: Array<ContainerLimits | undefined>
): ContainerLimits {
  const merged: ContainerLimits = {};
  for (const level of LEVELS) {
    const values = Object.assign({}, ...layers.map(l => l?.[level] ?? {}));
    if (Object.keys(values).length) merged[level] = values;
  }
  return merged;
}
const ORDER: Array<[string, string]> = [
  ['defaultRequest', 'default'],
  ['default', 'max'],
  ['defaultRequest', 'max'],
];

/** The quota resource each LimitRange level must stay within, and must be set for. */
const QUOTA_OF: Record<(typeof LEVELS)[number], string> = {
  defaultRequest: 'requests',
  default: 'limits',
  max: 'limits',
};

/**
 * A container LimitRange: only cpu and memory, each a valid quantity, and
 * defaultRequest ≤ default ≤ max. Given the namespace's quota, also: a
 * default for every resource the quota limits (without one, Kubernetes'
 * quota admission rejects every pod that does not declare it), and each
 * level within the quota (`defaultRequest` within `requests.*`, `default` and
 * `max` within `limits.*`; the quota is within the environment's ceiling).
 * Rules `known-resource`, `limits-order`, `required`, `within-quota` and those
 * of `quantityRule`. Fields are `limits.<level>.<resource>`.
 *
 * @public
 */
export function limitsRule(
  limits: ContainerLimits | undefined,
  quota?: Record<string, string>,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const values: Record<string, Record<string, number>> = {};
  for (const level of LEVELS) {
    for (const [kind, text] of Object.entries(limits?.[level] ?? {})) {
      const field = `limits.${level}.${kind}`;
      if (kind !== 'cpu' && kind !== 'memory') {
        problems.push(
          problem(
            field,
            'known-resource',
            `${field}: only cpu and memory can be set`,
          ),
        );
        continue;
      }
      const result = quantityRule(text, field, kind);
      if ('problem' in result) problems.push(result.problem);
      else (values[level] ??= {})[kind] = result.value;
    }
  }
  for (const kind of ['cpu', 'memory']) {
    for (const [lower, upper] of ORDER) {
      const a = values[lower]?.[kind];
      const b = values[upper]?.[kind];
      if (a !== undefined && b !== undefined && a > b) {
        problems.push(
          problem(
            `limits.${lower}.${kind}`,
            'limits-order',
            `limits.${lower}.${kind} must not exceed limits.${upper}.${kind}`,
          ),
        );
      }
    }
  }
  if (quota) problems.push(...withinQuota(values, quota));
  return problems;
}

function withinQuota(
  values: Record<string, Record<string, number>>,
  quota: Record<string, string>,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  for (const kind of ['cpu', 'memory']) {
    for (const level of LEVELS) {
      const resource = `${QUOTA_OF[level]}.${kind}`;
      const field = `limits.${level}.${kind}`;
      if (quota[resource] === undefined) continue;
      const value = values[level]?.[kind];
      if (value === undefined) {
        if (level !== 'max') {
          problems.push(
            problem(
              field,
              'required',
              `${field} is required: the quota sets ${resource}, so Kubernetes rejects every container that does not declare it unless the LimitRange gives a default`,
            ),
          );
        }
        continue;
      }
      const cap = parseQuantity(quota[resource]);
      if (cap && value > cap.value) {
        problems.push(
          problem(
            field,
            'within-quota',
            `${field} must not exceed the namespace's quota.${resource} "${quota[resource]}"`,
          ),
        );
      }
    }
  }
  return problems;
}
