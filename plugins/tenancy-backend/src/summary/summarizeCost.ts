import {
  CostSummary,
  CostWindow,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { NamespaceCost } from '../snapshots/FleetData';
import { DailyCostRow } from '../sources/types';

/** Days in a cost window. */
export function windowDays(window: CostWindow): number {
  return Number(window.slice(0, -1));
}

/**
 * The cost of one or more namespaces over the last days of `window`, from
 * their daily rows; undefined when none of them has cost data.
 */
export function summarizeCost(
  costs: NamespaceCost[],
  window: CostWindow,
): CostSummary | undefined {
  if (costs.length === 0) return undefined;
  const days = windowDays(window);
  const daily = new Map<string, number>();
  const sum: DailyCostRow = [0, 0, 0, 0, 0, 0, 0];
  let hasEfficiency = false;
  for (const cost of costs) {
    hasEfficiency ||= cost.hasEfficiency;
    const from = Math.max(0, cost.rows.length - days);
    for (let i = from; i < cost.rows.length; i++) {
      const row = cost.rows[i];
      if (!row) continue;
      row.forEach((v, k) => {
        sum[k] += v;
      });
      const date = cost.days[i];
      daily.set(date, (daily.get(date) ?? 0) + row[5]);
    }
  }
  const round = (v: number) => Math.round(v * 100) / 100;
  const computeCost = sum[0] + sum[1];
  return {
    window,
    currency: costs[0].currency,
    total: round(sum[5]),
    breakdown: {
      cpu: round(sum[0]),
      ram: round(sum[1]),
      storage: round(sum[2]),
      network: round(sum[3]),
      other: round(sum[4]),
    },
    efficiency:
      hasEfficiency && computeCost > 0
        ? Math.round((sum[6] / computeCost) * 1000) / 1000
        : undefined,
    daily: [...daily]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, total]) => ({ date, total: round(total) })),
  };
}
