import type { TenancyPolicy } from '../TenancyPolicy';
import type { ValidationProblem } from '../ValidationProblem';
import { isLabelValue } from './labels';
import { problem } from './problem';

const compiled = new Map<string, RegExp>();

/**
 * The configured cost-center pattern as a regular expression matching the
 * whole value. Throws when the pattern is not a regular expression.
 *
 * @public
 */
export function compileCostCenterPattern(pattern: string): RegExp {
  let regexp = compiled.get(pattern);
  if (!regexp) {
    try {
      regexp = new RegExp(`^(?:${pattern})$`);
    } catch (e) {
      throw new Error(
        `tenancy.tenants.costCenterPattern is not a valid regular expression: ${e}`,
      );
    }
    compiled.set(pattern, regexp);
  }
  return regexp;
}

/**
 * A cost center matches `policy.costCenterPattern` in full, when one is
 * configured (`tenancy.tenants.costCenterPattern`). Rule `pattern`. The one
 * rule of both the catalog's Tenant processor and the tenant request.
 *
 * @public
 */
export function costCenterPatternRule(
  costCenter: string,
  policy: Pick<TenancyPolicy, 'costCenterPattern'>,
  field = 'costCenter',
): ValidationProblem[] {
  const pattern = policy.costCenterPattern;
  if (!pattern || compileCostCenterPattern(pattern).test(costCenter)) {
    return [];
  }
  return [
    problem(
      field,
      'pattern',
      `${field} "${costCenter}" does not match the configured pattern ${pattern} (tenancy.tenants.costCenterPattern)`,
    ),
  ];
}

/**
 * The cost center of a new tenant: a non-empty label value (it labels every
 * namespace of the tenant, `tenancy.io/cost-center`) that matches the
 * configured pattern. Rules `characters` and `pattern`.
 *
 * @public
 */
export function costCenterRule(
  costCenter: string | undefined,
  policy: Pick<TenancyPolicy, 'costCenterPattern'>,
  field = 'costCenter',
): ValidationProblem[] {
  if (!costCenter || !isLabelValue(costCenter)) {
    return [
      problem(
        field,
        'characters',
        `${field} "${
          costCenter ?? ''
        }" must be 1 to 63 letters, digits, '.', '_' or '-', starting and ending with a letter or digit: it becomes the tenancy.io/cost-center label of the tenant's namespaces`,
      ),
    ];
  }
  return costCenterPatternRule(costCenter, policy, field);
}
