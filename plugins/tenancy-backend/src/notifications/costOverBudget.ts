import { stringifyEntityRef } from '@backstage/catalog-model';
import { getTenantOwnerRef } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { summarizeCost, windowDays } from '../summary/summarizeCost';
import { entityPath } from './entityPath';
import { StateContext } from './StateContext';
import { TenancyNotice } from './TenancyNotifier';

/**
 * To a tenant's owners, once per crossing: the tenant's cost over a window
 * (`tenancy.notifications.budgets`) above its budget, again only after it
 * went back under the budget and above it anew.
 */
export async function costOverBudget(
  ctx: StateContext,
): Promise<TenancyNotice[]> {
  const over = new Map<string, boolean>();
  const candidates = ctx.options.budgets.flatMap(budget => {
    const tenant = ctx.catalog.tenants.find(
      t => t.metadata.name === budget.tenant,
    );
    if (!tenant) return [];
    const ref = stringifyEntityRef(tenant);
    const costs = ctx.catalog
      .partsOf(ref)
      .map(p => ctx.data.cost(p.cluster, p.namespace))
      .filter((c): c is NonNullable<typeof c> => !!c);
    const cost = summarizeCost(costs, budget.window);
    if (!cost) return [];
    const subject = `${ref}:${budget.window}`;
    over.set(subject, cost.total > budget.amount);
    return cost.total > budget.amount
      ? [{ tenant, ref, subject, budget, cost }]
      : [];
  });
  const crossed = await ctx.state.crossings('cost', over);
  return candidates.flatMap(({ tenant, ref, subject, budget, cost }) => {
    const crossing = crossed.get(subject);
    if (crossing === undefined) return [];
    return [
      {
        kind: 'costOverBudget' as const,
        recipients: [getTenantOwnerRef(tenant)],
        title: `${tenant.metadata.name} is over its ${budget.window} budget`,
        description: `${cost.total} ${cost.currency} in the last ${windowDays(
          budget.window,
        )} days, over the budget of ${budget.amount} ${cost.currency}.`,
        link: entityPath(ref),
        key: `costOverBudget:${subject}:${crossing}`,
        severity: 'high' as const,
      },
    ];
  });
}
