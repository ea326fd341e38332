import { hashFraction } from './hash';

const BINARY = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };
const DECIMAL = { m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9 };

/** Value of a quantity such as `4Gi`, `500m` or `30`, in base units. */
export function quantityValue(text: string): number {
  const match = /^([0-9.]+)([A-Za-z]*)$/.exec(text);
  if (!match) return 0;
  const [, number, suffix] = match;
  const factor =
    (BINARY as Record<string, number>)[suffix] ??
    (DECIMAL as Record<string, number>)[suffix] ??
    1;
  return Number(number) * factor;
}

function format(resource: string, value: number): string {
  if (/cpu/.test(resource)) return `${Math.round(value * 1000)}m`;
  if (/memory|storage/.test(resource)) {
    return `${Math.round(value / BINARY.Mi)}Mi`;
  }
  return String(Math.round(value));
}

/**
 * The share of a namespace's quota in use, 0.1 to 1.05: most namespaces are
 * comfortable, some close to or over their quota.
 */
export function usageFraction(cluster: string, namespace: string): number {
  const r = hashFraction(`use:${cluster}/${namespace}`);
  return 0.1 + 0.95 * r;
}

/**
 * `status.used` of a ResourceQuota: each resource a little off the
 * namespace's usage fraction, written as the API server writes quantities.
 */
export function quotaUsed(
  cluster: string,
  namespace: string,
  hard: Record<string, string>,
): Record<string, string> {
  const base = usageFraction(cluster, namespace);
  const used: Record<string, string> = {};
  for (const [resource, quantity] of Object.entries(hard)) {
    const jitter = 0.85 + 0.3 * hashFraction(`${namespace}:${resource}`);
    const fraction = resource.startsWith('services.') ? 0 : base * jitter;
    used[resource] = format(resource, quantityValue(quantity) * fraction);
  }
  return used;
}
