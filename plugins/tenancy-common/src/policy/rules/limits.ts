import type { ValidationProblem } from '../ValidationProblem';
import { problem } from './problem';
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

const LEVELS = ['defaultRequest', 'default', 'max'] as const;
const ORDER: Array<[string, string]> = [
  ['defaultRequest', 'default'],
  ['default', 'max'],
  ['defaultRequest', 'max'],
];

/**
 * A container LimitRange: only cpu and memory, each a valid quantity, and
 * defaultRequest ≤ default ≤ max. Rules `known-resource`, `limits-order` and
 * those of {@link quantityRule}. Fields are `limits.<level>.<resource>`.
 *
 * @public
 */
export function limitsRule(
  limits: ContainerLimits | undefined,
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
  return problems;
}
