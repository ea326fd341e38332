import { Config } from '@backstage/config';

/** A Kubecost or OpenCost instance. */
export interface CostInstanceConfig {
  name: string;
  type: 'opencost' | 'kubecost';
  /** Base URL: OpenCost's `http://<host>:9003` or Kubecost's `http://<host>:9090`. */
  url: string;
  /**
   * The Backstage cluster all of this instance's data belongs to; without
   * it, each allocation's `properties.cluster` names the cluster.
   */
  cluster?: string;
}

/** `tenancy.cost`. */
export interface CostOptions {
  currency: string;
  includeIdle: boolean;
  shareIdle: boolean;
  /** Days of daily history fetched per refresh; the longest window. */
  lookbackDays: number;
  instances: CostInstanceConfig[];
}

/** Reads `tenancy.cost`; no instances when absent. */
export function readCostOptions(config: Config): CostOptions {
  const cost = config.getOptionalConfig('tenancy.cost');
  return {
    currency: cost?.getOptionalString('currency') ?? 'USD',
    includeIdle: cost?.getOptionalBoolean('includeIdle') ?? false,
    shareIdle: cost?.getOptionalBoolean('shareIdle') ?? false,
    lookbackDays: 30,
    instances: (cost?.getOptionalConfigArray('instances') ?? []).map(i => {
      const type = i.getOptionalString('type') ?? 'opencost';
      if (type !== 'opencost' && type !== 'kubecost') {
        throw new Error(
          `tenancy.cost.instances.type must be opencost or kubecost, got ${type}`,
        );
      }
      return {
        name: i.getString('name'),
        type,
        url: i.getString('url').replace(/\/+$/, ''),
        cluster: i.getOptionalString('cluster'),
      };
    }),
  };
}
