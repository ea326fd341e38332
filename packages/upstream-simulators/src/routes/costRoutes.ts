import { Request, Response, Router } from 'express';
import { dailyCost } from '../world/dailyCost';
import { SimulatedWorld } from '../world/SimulatedWorld';
import { SimulatorControls } from '../SimulatorControls';
import { CallCounter, simulate, UpstreamDialect } from './simulate';

const DAY = 24 * 3600 * 1000;

const dialect: UpstreamDialect = {
  kind: 'cost',
  errorBody: (code, message) => ({
    code,
    status: '',
    data: null,
    message: `Error: ${message}`,
  }),
  garbage: { code: 200, status: 'success', data: { unexpected: true } },
};

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** Parses `Nd` / `Nh` windows; returns [start, end] in ms or undefined. */
function parseWindow(text: string, now: number): [number, number] | undefined {
  const match = /^(\d+)([dh])$/.exec(text);
  if (!match) return undefined;
  const span = Number(match[1]) * (match[2] === 'd' ? DAY : 3600 * 1000);
  if (span <= 0) return undefined;
  return [now - span, now];
}

function allocation(
  name: string,
  cluster: string,
  namespace: string,
  labels: Record<string, string>,
  start: number,
  end: number,
  hard: Record<string, string>,
) {
  const hours = (end - start) / 3600000;
  const cost = dailyCost(
    cluster,
    namespace,
    hard,
    iso(start).slice(0, 10),
    hours,
  );
  return {
    name,
    properties: {
      cluster,
      namespace,
      namespaceLabels: Object.fromEntries(
        Object.entries(labels).map(([k, v]) => [k.replace(/[./-]/g, '_'), v]),
      ),
    },
    window: { start: iso(start), end: iso(end) },
    start: iso(start),
    end: iso(end),
    minutes: hours * 60,
    cpuCores: cost.cpuCoreRequestAverage,
    cpuCoreRequestAverage: cost.cpuCoreRequestAverage,
    cpuCoreUsageAverage: cost.cpuCoreUsageAverage,
    cpuCoreHours: cost.cpuCoreRequestAverage * hours,
    cpuCost: cost.cpuCost,
    cpuCostAdjustment: 0,
    cpuEfficiency: cost.cpuEfficiency,
    gpuCount: 0,
    gpuHours: 0,
    gpuCost: 0,
    gpuCostAdjustment: 0,
    networkTransferBytes: 0,
    networkReceiveBytes: 0,
    networkCost: cost.networkCost,
    networkCrossZoneCost: 0,
    networkCrossRegionCost: 0,
    networkInternetCost: cost.networkCost,
    networkCostAdjustment: 0,
    loadBalancerCost: cost.loadBalancerCost,
    loadBalancerCostAdjustment: 0,
    pvBytes: 0,
    pvByteHours: 0,
    pvCost: cost.pvCost,
    pvs: null,
    pvCostAdjustment: 0,
    ramBytes: cost.ramByteRequestAverage,
    ramByteRequestAverage: cost.ramByteRequestAverage,
    ramByteUsageAverage: cost.ramByteUsageAverage,
    ramByteHours: cost.ramByteRequestAverage * hours,
    ramCost: cost.ramCost,
    ramCostAdjustment: 0,
    ramEfficiency: cost.ramEfficiency,
    externalCost: 0,
    sharedCost: 0,
    totalCost: cost.totalCost,
    totalEfficiency: cost.totalEfficiency,
    lbAllocations: null,
  };
}

/**
 * OpenCost (`/opencost/<instance>/allocation` and `/allocation/compute`) and
 * Kubecost (`/kubecost/<instance>/model/allocation`) allocation APIs, by
 * namespace or by cluster and namespace, with daily steps, accumulation and
 * the idle allocation.
 */
export function costRoutes(options: {
  getWorld: () => SimulatedWorld;
  controls: SimulatorControls;
  counter: CallCounter;
  now?: () => number;
}): Router {
  const now = options.now ?? Date.now;
  const router = Router();
  for (const prefix of ['/opencost/:instance', '/kubecost/:instance']) {
    router.use(
      prefix,
      simulate({
        dialect,
        target: req => req.params.instance,
        controls: options.controls,
        counter: options.counter,
      }),
    );
  }

  const handler = (kubecost: boolean) => (req: Request, res: Response) => {
    const world = options.getWorld();
    const instance = world.cost.find(i => i.name === req.params.instance);
    if (!instance) {
      res.status(404).json(dialect.errorBody(404, 'not found'));
      return;
    }
    const windowText = String(req.query.window ?? '');
    const window = parseWindow(windowText, now());
    if (!window) {
      res
        .status(400)
        .type('text/plain')
        .send(`Invalid 'window' parameter: illegal window: ${windowText}`);
      return;
    }
    const aggregate = String(req.query.aggregate ?? 'namespace');
    if (!['namespace', 'cluster,namespace'].includes(aggregate)) {
      res
        .status(400)
        .type('text/plain')
        .send(`Invalid 'aggregate' parameter: unsupported here: ${aggregate}`);
      return;
    }
    const accumulate = req.query.accumulate === 'true';
    const step = req.query.step === '1d' && !accumulate ? DAY : undefined;
    const idleParam = kubecost ? req.query.idle : req.query.includeIdle;
    const includeIdle =
      idleParam === undefined ? kubecost : idleParam === 'true';

    const [start, end] = window;
    const steps: Array<[number, number]> = [];
    if (step) {
      for (let s = start; s < end; s += step)
        steps.push([s, Math.min(s + step, end)]);
    } else {
      steps.push([start, end]);
    }
    // The v2 filter language, as far as `namespace:"a","b"` goes.
    const filter = /^namespace:(.+)$/.exec(String(req.query.filter ?? ''));
    const wanted = filter
      ? new Set(filter[1].split(',').map(v => v.replace(/^"|"$/g, '')))
      : undefined;
    const clusters = world.clusters.filter(c =>
      instance.clusters.includes(c.name),
    );
    const data = steps.map(([s, e]) => {
      const set: Record<string, unknown> = {};
      for (const cluster of clusters) {
        for (const ns of cluster.namespaces) {
          if (wanted && !wanted.has(ns.name)) continue;
          const key =
            aggregate === 'namespace' ? ns.name : `${cluster.name}/${ns.name}`;
          const hard = ns.quotas[0]?.hard ?? {};
          set[key] = allocation(
            key,
            cluster.name,
            ns.name,
            ns.labels,
            s,
            e,
            hard,
          );
        }
      }
      if (includeIdle) {
        set.__idle__ = allocation(
          '__idle__',
          clusters[0]?.name ?? '',
          '',
          {},
          s,
          e,
          {
            'requests.cpu': '4',
            'requests.memory': '16Gi',
          },
        );
      }
      return set;
    });
    res.json({ code: 200, status: 'success', data });
  };

  router.get('/opencost/:instance/allocation', handler(false));
  router.get('/opencost/:instance/allocation/compute', handler(false));
  router.get('/kubecost/:instance/model/allocation', handler(true));
  return router;
}
