import { CostInstanceConfig, CostOptions } from '../../config/readCostOptions';
import { callWithRetries, CallPolicy } from '../../upstream/callWithRetries';
import { fetchJson } from '../../upstream/fetchJson';
import { parseUpstream } from '../../upstream/parseUpstream';
import { UpstreamError } from '../../upstream/UpstreamError';
import { CostSnapshot, DailyCostRow, Source } from '../types';
import { allocationResponseSchema } from './allocationSchema';

const SPECIAL = new Set(['__idle__', '__unallocated__', '__unmounted__']);

function n(value: number | null | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/**
 * Daily cost per namespace from one OpenCost (`/allocation`, falling back
 * to the older `/allocation/compute`) or Kubecost (`/model/allocation`)
 * instance: one call per refresh for the whole lookback, one set per day.
 */
export class CostSource implements Source<'cost'> {
  readonly kind = 'cost' as const;
  readonly id: string;
  readonly name: string;
  private legacyPath = false;

  constructor(
    private readonly instance: CostInstanceConfig,
    private readonly options: Omit<CostOptions, 'instances'>,
    private readonly policy: CallPolicy,
  ) {
    this.id = `cost:${instance.name}`;
    this.name = instance.name;
  }

  private url(): string {
    const { instance, options } = this;
    const params = new URLSearchParams({
      window: `${options.lookbackDays}d`,
      aggregate: instance.cluster ? 'namespace' : 'cluster,namespace',
      step: '1d',
      accumulate: 'false',
      shareIdle: String(options.shareIdle),
    });
    params.set(
      instance.type === 'kubecost' ? 'idle' : 'includeIdle',
      String(options.includeIdle),
    );
    let path = '/allocation';
    if (instance.type === 'kubecost') path = '/model/allocation';
    else if (this.legacyPath) path = '/allocation/compute';
    return `${instance.url}${path}?${params}`;
  }

  private get() {
    return callWithRetries(
      signal => fetchJson(this.url(), { signal }),
      this.policy,
    );
  }

  async fetch(): Promise<CostSnapshot> {
    let body: unknown;
    try {
      body = await this.get();
    } catch (error) {
      const missing =
        error instanceof UpstreamError &&
        error.status === 404 &&
        this.instance.type === 'opencost' &&
        !this.legacyPath;
      if (!missing) throw error;
      this.legacyPath = true;
      body = await this.get();
    }
    const response = parseUpstream(
      allocationResponseSchema,
      body,
      'allocation response',
    );

    const days = response.data.map(set => {
      const first = Object.values(set)[0];
      return first ? first.start.slice(0, 10) : '';
    });
    const namespaces: CostSnapshot['namespaces'] = {};
    let hasEfficiency = false;
    response.data.forEach((set, day) => {
      for (const [key, a] of Object.entries(set)) {
        if (SPECIAL.has(key)) continue;
        const namespace = a.properties?.namespace ?? key.split('/').pop()!;
        const cluster = this.instance.cluster ?? a.properties?.cluster;
        if (!cluster || !namespace) continue;
        const id = `${cluster}/${namespace}`;
        const rows = (namespaces[id] ??= days.map(() => null));
        const cpu = n(a.cpuCost) + n(a.gpuCost);
        const ram = n(a.ramCost);
        const storage = n(a.pvCost);
        const network = n(a.networkCost);
        const total = n(a.totalCost) || cpu + ram + storage + network;
        const other = Math.max(0, total - cpu - ram - storage - network);
        if (typeof a.totalEfficiency === 'number') hasEfficiency = true;
        const row: DailyCostRow = [
          cpu,
          ram,
          storage,
          network,
          other,
          total,
          n(a.totalEfficiency) * (cpu + ram),
        ];
        const previous = rows[day];
        rows[day] = previous
          ? (previous.map((v, i) => v + row[i]) as DailyCostRow)
          : row;
      }
    });
    return {
      instance: this.name,
      currency: this.options.currency,
      days,
      namespaces,
      hasEfficiency,
    };
  }
}
