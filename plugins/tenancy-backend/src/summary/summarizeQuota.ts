import {
  formatQuantity,
  parseQuantity,
  QuotaResourceUsage,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { KubernetesNamespaceRecord } from '../sources/types';

function usage(
  resource: string,
  hard: string,
  used: string,
): QuotaResourceUsage {
  const hardValue = parseQuantity(hard)?.value ?? 0;
  const usedValue = parseQuantity(used)?.value ?? 0;
  return {
    resource,
    hard,
    used,
    hardValue,
    usedValue,
    utilisation: hardValue > 0 ? usedValue / hardValue : undefined,
  };
}

/**
 * Quota use of one namespace, per resource. Where several ResourceQuotas
 * limit the same resource, the tightest one counts, as the API server
 * enforces each of them.
 */
export function summarizeQuota(
  record: KubernetesNamespaceRecord,
): QuotaResourceUsage[] {
  const byResource = new Map<string, QuotaResourceUsage>();
  for (const quota of record.quotas) {
    for (const [resource, hard] of Object.entries(quota.hard)) {
      const candidate = usage(resource, hard, quota.used[resource] ?? '0');
      const current = byResource.get(resource);
      if (
        !current ||
        (candidate.utilisation ?? 0) > (current.utilisation ?? 0)
      ) {
        byResource.set(resource, candidate);
      }
    }
  }
  return [...byResource.values()].sort((a, b) =>
    a.resource.localeCompare(b.resource),
  );
}

/** Sums quota use over namespaces, per resource. */
export function sumQuota(lists: QuotaResourceUsage[][]): QuotaResourceUsage[] {
  const sums = new Map<string, { hard: number; used: number }>();
  for (const list of lists) {
    for (const u of list) {
      const s = sums.get(u.resource) ?? { hard: 0, used: 0 };
      s.hard += u.hardValue;
      s.used += u.usedValue;
      sums.set(u.resource, s);
    }
  }
  return [...sums]
    .map(([resource, s]) => ({
      resource,
      hard: formatQuantity(resource, s.hard),
      used: formatQuantity(resource, s.used),
      hardValue: s.hard,
      usedValue: s.used,
      utilisation: s.hard > 0 ? s.used / s.hard : undefined,
    }))
    .sort((a, b) => a.resource.localeCompare(b.resource));
}
