import { Request, Response, Router } from 'express';
import { SimulatedNamespace, SimulatedWorld } from '../world/SimulatedWorld';
import { quotaUsed } from '../world/quotaUsage';
import { SimulatorControls, SimulatorCredentials } from '../SimulatorControls';
import {
  bearerToken,
  CallCounter,
  simulate,
  UpstreamDialect,
} from './simulate';

const CREATED = '2026-01-05T09:00:00Z';

function status(code: number, message: string) {
  const reason: Record<number, string> = {
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'NotFound',
    500: 'InternalError',
  };
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason: reason[code] ?? 'Unknown',
    code,
  };
}

const dialect: UpstreamDialect = {
  kind: 'kubernetes',
  errorBody: status,
  garbage: { kind: 'ResourceQuotaList', items: 'not-a-list' },
};

function uid(text: string): string {
  const hex = Buffer.from(text).toString('hex').padEnd(32, '0').slice(-32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(
    12,
    16,
  )}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function meta(
  name: string,
  namespace?: string,
  labels?: Record<string, string>,
) {
  return {
    name,
    ...(namespace ? { namespace } : {}),
    uid: uid(`${namespace ?? ''}/${name}`),
    resourceVersion: '1',
    creationTimestamp: CREATED,
    ...(labels ? { labels } : {}),
  };
}

type ItemsOf = (cluster: string, ns: SimulatedNamespace) => unknown[];

const namespaceItems: ItemsOf = (_cluster, ns) => [
  {
    metadata: meta(ns.name, undefined, ns.labels),
    spec: { finalizers: ['kubernetes'] },
    status: { phase: ns.phase },
  },
];

const quotaItems: ItemsOf = (cluster, ns) =>
  ns.quotas.map(quota => ({
    metadata: meta(quota.name, ns.name),
    spec: { hard: quota.hard },
    status: { hard: quota.hard, used: quotaUsed(cluster, ns.name, quota.hard) },
  }));

const limitRangeItems: ItemsOf = (_cluster, ns) =>
  ns.limitRanges.map(range => ({
    metadata: meta(range.name, ns.name),
    spec: { limits: range.limits },
  }));

/** Serves a list, `limit` items a page with an opaque `continue` token. */
function sendList(req: Request, res: Response, kind: string, items: unknown[]) {
  const limit = Number(req.query.limit) || 0;
  const start = req.query.continue
    ? Number(Buffer.from(String(req.query.continue), 'base64url').toString())
    : 0;
  const end = limit > 0 ? Math.min(start + limit, items.length) : items.length;
  const more = end < items.length;
  res.json({
    kind,
    apiVersion: 'v1',
    metadata: {
      resourceVersion: '1',
      ...(more
        ? {
            continue: Buffer.from(String(end)).toString('base64url'),
            remainingItemCount: items.length - end,
          }
        : {}),
    },
    items: items.slice(start, end),
  });
}

/**
 * The Kubernetes API server of each simulated cluster, under
 * `/k8s/<cluster>`: namespaces, resource quotas and limit ranges, listed for
 * all namespaces or for one.
 */
export function kubernetesRoutes(options: {
  getWorld: () => SimulatedWorld;
  controls: SimulatorControls;
  counter: CallCounter;
  credentials: SimulatorCredentials;
}): Router {
  const router = Router();
  router.use(
    '/k8s/:cluster',
    simulate({
      dialect,
      target: req => req.params.cluster,
      controls: options.controls,
      counter: options.counter,
    }),
    (req, res, next) => {
      if (bearerToken(req) !== options.credentials.kubernetesToken) {
        res.status(401).json(status(401, 'Unauthorized'));
        return;
      }
      next();
    },
  );

  const cluster = (req: Request, res: Response) => {
    const found = options
      .getWorld()
      .clusters.find(c => c.name === req.params.cluster);
    if (!found) {
      res
        .status(404)
        .json(status(404, 'the server could not find the requested resource'));
    }
    return found;
  };

  const lists: Array<[string, string, ItemsOf]> = [
    ['namespaces', 'NamespaceList', namespaceItems],
    ['resourcequotas', 'ResourceQuotaList', quotaItems],
    ['limitranges', 'LimitRangeList', limitRangeItems],
  ];
  for (const [resource, kind, itemsOf] of lists) {
    router.get(`/k8s/:cluster/api/v1/${resource}`, (req, res) => {
      const c = cluster(req, res);
      if (!c) return;
      sendList(
        req,
        res,
        kind,
        c.namespaces.flatMap(ns => itemsOf(c.name, ns)),
      );
    });
    if (resource === 'namespaces') continue;
    router.get(
      `/k8s/:cluster/api/v1/namespaces/:namespace/${resource}`,
      (req, res) => {
        const c = cluster(req, res);
        if (!c) return;
        const ns = c.namespaces.find(n => n.name === req.params.namespace);
        sendList(req, res, kind, ns ? itemsOf(c.name, ns) : []);
      },
    );
  }
  router.get('/k8s/:cluster/api/v1/namespaces/:namespace', (req, res) => {
    const c = cluster(req, res);
    if (!c) return;
    const ns = c.namespaces.find(n => n.name === req.params.namespace);
    if (!ns) {
      res
        .status(404)
        .json(status(404, `namespaces "${req.params.namespace}" not found`));
      return;
    }
    res.json({
      kind: 'Namespace',
      apiVersion: 'v1',
      ...(namespaceItems(c.name, ns)[0] as object),
    });
  });
  return router;
}
