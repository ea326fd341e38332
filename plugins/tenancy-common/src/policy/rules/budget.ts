import type { BudgetLine } from '../../api/Provisioning';
import { formatQuantity, parseQuantity } from '../quantity';
import type { ValidationProblem } from '../ValidationProblem';
import { problem } from './problem';

/**
 * The tenant budget (`spec.quotaBudget`): for each budgeted resource, the
 * quota of the tenant's other namespaces plus this request must stay within
 * it. Returns the lines (for the wizard) and the problems, rule
 * `tenant-budget`, field `quota.<resource>`.
 *
 * @public
 */
export function tenantBudgetRule(options: {
  tenant: string;
  budget: Record<string, string> | undefined;
  /** Quota of each of the tenant's other namespaces and vClusters. */
  used: Array<Record<string, string>>;
  requested: Record<string, string>;
}): { lines: BudgetLine[]; problems: ValidationProblem[] } {
  const lines: BudgetLine[] = [];
  const problems: ValidationProblem[] = [];
  const value = (text: string | undefined) =>
    (text === undefined ? undefined : parseQuantity(text))?.value ?? 0;
  for (const [resource, budgetText] of Object.entries(options.budget ?? {})) {
    const budget = parseQuantity(budgetText);
    if (!budget) continue;
    const used = options.used.reduce((s, q) => s + value(q[resource]), 0);
    const requested = value(options.requested[resource]);
    const remaining = budget.value - used - requested;
    lines.push({
      resource,
      budget: budgetText,
      used: formatQuantity(resource, used),
      requested: formatQuantity(resource, requested),
      remaining:
        remaining < 0
          ? `-${formatQuantity(resource, -remaining)}`
          : formatQuantity(resource, remaining),
    });
    if (remaining < 0) {
      problems.push(
        problem(
          `quota.${resource}`,
          'tenant-budget',
          `quota.${resource} "${
            options.requested[resource]
          }" goes past the budget of tenant ${
            options.tenant
          }: its other namespaces and open requests use ${formatQuantity(
            resource,
            used,
          )}, with this request ${formatQuantity(
            resource,
            used + requested,
          )} of ${budgetText}`,
        ),
      );
    }
  }
  return { lines, problems };
}
