import {
  formatQuantity,
  parseQuantity,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { hashFraction } from './hash';

/** Value of a quantity such as `4Gi`, `500m` or `30` in base units; 0 when malformed. */
export function quantityValue(text: string): number {
  return parseQuantity(text)?.value ?? 0;
}

/**
 * The share of a namespace's quota in use, 0.1 to 1.05: most namespaces are
 * comfortable, some at their quota (`quotaUsed` caps each resource at it).
 */
export function usageFraction(cluster: string, namespace: string): number {
  const r = hashFraction(`use:${cluster}/${namespace}`);
  return 0.1 + 0.95 * r;
}

/**
 * `status.used` of a ResourceQuota: each resource a little off the
 * namespace's usage fraction, never above its hard limit (the quota
 * admission refuses what would pass it), written as the API server writes
 * quantities; with `share` (the `quotaUse` control), each resource exactly
 * that share, past the limit too (as after a quota was lowered by hand).
 */
export function quotaUsed(
  cluster: string,
  namespace: string,
  hard: Record<string, string>,
  share?: number,
): Record<string, string> {
  const base = usageFraction(cluster, namespace);
  const used: Record<string, string> = {};
  for (const [resource, quantity] of Object.entries(hard)) {
    const jitter = 0.85 + 0.3 * hashFraction(`${namespace}:${resource}`);
    const fraction = resource.startsWith('services.')
      ? 0
      : share ?? Math.min(1, base * jitter);
    used[resource] = formatQuantity(
      resource,
      quantityValue(quantity) * fraction,
    );
  }
  return used;
}
