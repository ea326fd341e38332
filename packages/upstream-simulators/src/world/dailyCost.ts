import { hashFraction } from './hash';
import { quantityValue, usageFraction } from './quotaUsage';

const CPU_HOURLY = 0.031611;
const RAM_GIB_HOURLY = 0.004237;
const PV_GIB_HOURLY = 0.000054;

/** One day's cost of a namespace, in the shape OpenCost's fields take. */
export interface DailyCost {
  cpuCoreRequestAverage: number;
  cpuCoreUsageAverage: number;
  ramByteRequestAverage: number;
  ramByteUsageAverage: number;
  cpuCost: number;
  ramCost: number;
  pvCost: number;
  networkCost: number;
  loadBalancerCost: number;
  cpuEfficiency: number;
  ramEfficiency: number;
  totalEfficiency: number;
  totalCost: number;
}

function round(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

/**
 * Cost of a namespace for one day (`date` as YYYY-MM-DD): requests are the
 * quota's requests times the namespace's usage, priced at OpenCost's default
 * on-demand rates, with a day-to-day wobble.
 */
export function dailyCost(
  cluster: string,
  namespace: string,
  hard: Record<string, string>,
  date: string,
  hours = 24,
): DailyCost {
  const use = usageFraction(cluster, namespace);
  const wobble = 0.8 + 0.4 * hashFraction(`day:${namespace}/${date}`);
  const cpuRequest =
    quantityValue(hard['requests.cpu'] ?? '0.1') * use * wobble;
  const ramRequest =
    quantityValue(hard['requests.memory'] ?? '256Mi') * use * wobble;
  const storage = quantityValue(hard['requests.storage'] ?? '0');
  const cpuEfficiency = 0.2 + 0.7 * hashFraction(`cpu-eff:${namespace}`);
  const ramEfficiency = 0.3 + 0.6 * hashFraction(`ram-eff:${namespace}`);
  const cpuCost = cpuRequest * CPU_HOURLY * hours;
  const ramCost = (ramRequest / 2 ** 30) * RAM_GIB_HOURLY * hours;
  const pvCost = (storage / 2 ** 30) * PV_GIB_HOURLY * hours * use;
  const networkCost = 0.02 * hours * use * wobble;
  const loadBalancerCost = 0;
  return {
    cpuCoreRequestAverage: round(cpuRequest),
    cpuCoreUsageAverage: round(cpuRequest * cpuEfficiency),
    ramByteRequestAverage: Math.round(ramRequest),
    ramByteUsageAverage: Math.round(ramRequest * ramEfficiency),
    cpuCost: round(cpuCost),
    ramCost: round(ramCost),
    pvCost: round(pvCost),
    networkCost: round(networkCost),
    loadBalancerCost,
    cpuEfficiency: round(cpuEfficiency),
    ramEfficiency: round(ramEfficiency),
    totalEfficiency: round(
      (cpuEfficiency * cpuCost + ramEfficiency * ramCost) /
        (cpuCost + ramCost || 1),
    ),
    totalCost: round(cpuCost + ramCost + pvCost + networkCost),
  };
}
