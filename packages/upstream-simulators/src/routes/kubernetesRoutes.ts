import { Request, Response, Router } from 'express';
import {
  LabelSelectorMatcher,
  parseLabelSelector,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { SimulatedNamespace, SimulatedWorld } from '../world/SimulatedWorld';
import { quotaUsed } from '../world/quotaUsage';
import { vclusterKubeconfigSecret } from '../world/vclusterKubeconfigSecret';
import {
  simulatedMeta,
  WorkloadResource,
  workloadsFor,
} from '../world/workloadsFor';
import { SimulatorControls, SimulatorCredentials } from '../SimulatorControls';
import {
  bearerToken,
  CallCounter,
  simulate,
  UpstreamDialect,
} from './simulate';
import { kubernetesStatus } from './kubernetesStatus';
import { GATEKEEPER_LISTS } from './gatekeeperLists';
import { POLICY_REPORT_LISTS } from './policyReportLists';
import { FLUX_LISTS } from './fluxLists';
import { ItemsOf, ListContext, SimulatedList } from './SimulatedList';

const dialect: UpstreamDialect = {
  kind: 'kubernetes',
  errorBody: kubernetesStatus,
  garbage: { kind: 'ResourceQuotaList', items: 'not-a-list' },
};

const meta = (
  kind: string,
  name: string,
  namespace?: string,
  labels?: Record<string, string>,
) => simulatedMeta(kind, name, namespace, labels ? { labels } : {});

const namespaceItems: ItemsOf = (_context, ns) => [
  {
    metadata: meta('Namespace', ns.name, undefined, ns.labels),
    spec: { finalizers: ['kubernetes'] },
    status: { phase: ns.phase },
  },
];

const quotaItems: ItemsOf = ({ cluster, controls }, ns) =>
  ns.quotas.map(quota => ({
    metadata: meta('ResourceQuota', quota.name, ns.name, quota.labels),
    spec: { hard: quota.hard },
    status: {
      hard: quota.hard,
      used: quotaUsed(
        cluster.name,
        ns.name,
        quota.hard,
        controls.quotaUse[cluster.name]?.[ns.name],
      ),
    },
  }));

const limitRangeItems: ItemsOf = (_context, ns) =>
  ns.limitRanges.map(range => ({
    metadata: meta('LimitRange', range.name, ns.name, range.labels),
    spec: { limits: range.limits },
  }));

const workloadItems =
  (resource: WorkloadResource): ItemsOf =>
  ({ world, cluster, controls }, ns) =>
    workloadsFor(
      world,
      cluster.name,
      ns,
      controls.vclusters[cluster.name]?.[ns.name],
    )[resource];

/**
 * The lists the simulated API servers serve: path under the cluster, List
 * kind, items. What the tenancy backend and the upstream Kubernetes plugin
 * read, so also what docs/rbac/tenancy-reader.yaml grants.
 */
export const LISTS: SimulatedList[] = [
  {
    group: 'api/v1',
    resource: 'namespaces',
    kind: 'NamespaceList',
    items: namespaceItems,
  },
  {
    group: 'api/v1',
    resource: 'resourcequotas',
    kind: 'ResourceQuotaList',
    items: quotaItems,
  },
  {
    group: 'api/v1',
    resource: 'limitranges',
    kind: 'LimitRangeList',
    items: limitRangeItems,
  },
  ...(
    [
      ['api/v1', 'pods', 'PodList'],
      ['api/v1', 'services', 'ServiceList'],
      ['api/v1', 'configmaps', 'ConfigMapList'],
      ['apis/apps/v1', 'deployments', 'DeploymentList'],
      ['apis/apps/v1', 'replicasets', 'ReplicaSetList'],
      ['apis/apps/v1', 'statefulsets', 'StatefulSetList'],
      ['apis/apps/v1', 'daemonsets', 'DaemonSetList'],
      ['apis/networking.k8s.io/v1', 'ingresses', 'IngressList'],
    ] as const
  ).map(([group, resource, kind]) => ({
    group,
    resource,
    kind,
    items: workloadItems(resource),
  })),
  // Served, always empty: nothing in the simulated clusters scales, runs
  // to completion or on a schedule.
  ...(
    [
      [
        'apis/autoscaling/v2',
        'horizontalpodautoscalers',
        'HorizontalPodAutoscalerList',
      ],
      ['apis/batch/v1', 'jobs', 'JobList'],
      ['apis/batch/v1', 'cronjobs', 'CronJobList'],
    ] as const
  ).map(([group, resource, kind]) => ({
    group,
    resource,
    kind,
    items: () => [],
  })),
  ...POLICY_REPORT_LISTS,
  ...GATEKEEPER_LISTS,
];

/**
 * Everything served: `LISTS` and, on Flux clusters, Flux's lists (which
 * docs/rbac/tenancy-reader.yaml does not grant yet, so kept apart).
 */
export const SERVED_LISTS: SimulatedList[] = [...LISTS, ...FLUX_LISTS];

/**
 * Serves a list, `limit` items a page with an opaque `continue` token, of the
 * items whose labels match the `labelSelector` query.
 */
function sendList(
  req: Request,
  res: Response,
  list: { group: string; kind: string },
  all: unknown[],
) {
  let matches: LabelSelectorMatcher;
  try {
    matches = parseLabelSelector(String(req.query.labelSelector ?? ''));
  } catch (error) {
    res.status(400).json(kubernetesStatus(400, (error as Error).message));
    return;
  }
  const items = all.filter(item =>
    matches(
      (item as { metadata: { labels?: Record<string, string> } }).metadata
        .labels ?? {},
    ),
  );
  const limit = Number(req.query.limit) || 0;
  const start = req.query.continue
    ? Number(Buffer.from(String(req.query.continue), 'base64url').toString())
    : 0;
  const end = limit > 0 ? Math.min(start + limit, items.length) : items.length;
  const more = end < items.length;
  res.json({
    kind: list.kind,
    apiVersion: list.group.replace(/^apis?\//, ''),
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
 * `/k8s/<cluster>`: namespaces, resource quotas and limit ranges, and the
 * workloads the upstream Kubernetes plugin lists by default (pods,
 * services, configmaps, deployments, replicasets, statefulsets, daemonsets,
 * ingresses; horizontalpodautoscalers, jobs and cronjobs empty), the policy
 * reports and Gatekeeper constraints of its policy engine, each listed for
 * all namespaces or for one, filtered by `labelSelector`; and each group
 * version's discovery document.
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
        res.status(401).json(kubernetesStatus(401, 'Unauthorized'));
        return;
      }
      next();
    },
  );

  const notFound = (res: Response) =>
    res
      .status(404)
      .json(
        kubernetesStatus(
          404,
          'the server could not find the requested resource',
        ),
      );

  // State kept between calls of this server (the Kustomizations each Flux
  // cluster first listed).
  const seen = new Map<string, Set<string>>();

  /** The cluster's context, or undefined once a 404 is sent for an unknown cluster or a list it does not serve (403 for one it forbids). */
  const context = (
    req: Request,
    res: Response,
    list?: SimulatedList,
  ): ListContext | undefined => {
    const world = options.getWorld();
    const found = world.clusters.find(c => c.name === req.params.cluster);
    const ctx = found && {
      world,
      cluster: found,
      controls: options.controls,
      seen,
    };
    if (!ctx || (list?.served && !list.served(ctx))) {
      notFound(res);
      return undefined;
    }
    if (list?.forbidden?.(ctx)) {
      const group = list.group.split('/')[1];
      const where = req.params.namespace
        ? `in the namespace "${req.params.namespace}"`
        : 'at the cluster scope';
      res
        .status(403)
        .json(
          kubernetesStatus(
            403,
            `${list.resource}.${group} is forbidden: User "system:serviceaccount:backstage:backstage-tenancy" cannot list resource "${list.resource}" in API group "${group}" ${where}`,
          ),
        );
      return undefined;
    }
    return ctx;
  };

  const itemsOf = (
    list: SimulatedList,
    ctx: ListContext,
    namespaces: SimulatedNamespace[],
  ) => {
    const items = namespaces.flatMap(ns => list.items(ctx, ns));
    if (list.ofCluster && namespaces === ctx.cluster.namespaces) {
      items.push(...list.ofCluster(ctx));
    }
    return list.finish ? list.finish(ctx, items) : items;
  };

  for (const list of SERVED_LISTS) {
    router.get(`/k8s/:cluster/${list.group}/${list.resource}`, (req, res) => {
      const ctx = context(req, res, list);
      if (!ctx) return;
      sendList(req, res, list, itemsOf(list, ctx, ctx.cluster.namespaces));
    });
    if (list.resource === 'namespaces' || list.clusterScoped) continue;
    router.get(
      `/k8s/:cluster/${list.group}/namespaces/:namespace/${list.resource}`,
      (req, res) => {
        const ctx = context(req, res, list);
        if (!ctx) return;
        const namespaces = ctx.cluster.namespaces.filter(
          n => n.name === req.params.namespace,
        );
        sendList(req, res, list, itemsOf(list, ctx, namespaces));
      },
    );
  }
  // Discovery: each group version's APIResourceList, of what the cluster serves.
  for (const group of new Set(SERVED_LISTS.map(l => l.group))) {
    router.get(`/k8s/:cluster/${group}`, (req, res) => {
      const ctx = context(req, res);
      if (!ctx) return;
      const lists = SERVED_LISTS.filter(
        l => l.group === group && (!l.served || l.served(ctx)),
      );
      if (!lists.length) {
        notFound(res);
        return;
      }
      res.json({
        kind: 'APIResourceList',
        apiVersion: 'v1',
        groupVersion: group.replace(/^apis?\//, ''),
        resources: lists.map(l => ({
          name: l.resource,
          singularName: l.kind.replace(/List$/, '').toLowerCase(),
          namespaced: !(l.clusterScoped || l.resource === 'namespaces'),
          kind: l.kind.replace(/List$/, ''),
          verbs: ['get', 'list'],
        })),
      });
    });
  }
  router.get('/k8s/:cluster/api/v1/namespaces/:namespace', (req, res) => {
    const ctx = context(req, res);
    if (!ctx) return;
    const ns = ctx.cluster.namespaces.find(
      n => n.name === req.params.namespace,
    );
    if (!ns) {
      res
        .status(404)
        .json(
          kubernetesStatus(
            404,
            `namespaces "${req.params.namespace}" not found`,
          ),
        );
      return;
    }
    res.json({
      kind: 'Namespace',
      apiVersion: 'v1',
      ...(namespaceItems(ctx, ns)[0] as object),
    });
  });
  // The kubeconfig Secret each vCluster exports into its host namespace:
  // only a get by name, nothing else of the namespace's Secrets.
  router.get(
    '/k8s/:cluster/api/v1/namespaces/:namespace/secrets/:name',
    (req, res) => {
      const ctx = context(req, res);
      if (!ctx) return;
      const ns = ctx.cluster.namespaces.find(
        n => n.name === req.params.namespace,
      );
      const secret = ns && vclusterKubeconfigSecret(ns);
      if (!secret || secret.metadata.name !== req.params.name) {
        res
          .status(404)
          .json(
            kubernetesStatus(404, `secrets "${req.params.name}" not found`),
          );
        return;
      }
      res.json(secret);
    },
  );
  return router;
}
