import express, { Router } from 'express';
import {
  LabelSelectorMatcher,
  parseLabelSelector,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import {
  applicationStatus,
  freshApplicationStatus,
} from '../world/applicationStatus';
import { SimulatedApplication, SimulatedWorld } from '../world/SimulatedWorld';
import { SimulatorControls, SimulatorCredentials } from '../SimulatorControls';
import { project } from './project';
import {
  bearerToken,
  CallCounter,
  simulate,
  UpstreamDialect,
} from './simulate';

const GRPC_CODES: Record<number, number> = {
  400: 3,
  401: 16,
  403: 7,
  404: 5,
  500: 13,
};

function runtimeError(status: number, message: string) {
  return { error: message, code: GRPC_CODES[status] ?? 2, message };
}

const dialect: UpstreamDialect = {
  kind: 'argocd',
  errorBody: runtimeError,
  garbage: '<html><body>502 Bad Gateway</body></html>',
};

const FINISHED = '2026-11-20T08:15:00Z';

/**
 * A full Application object as `GET /api/v1/applications` returns it;
 * `fresh`: it deploys into a namespace that was not there when the
 * simulators first listed the instance (`freshApplicationStatus`).
 */
export function applicationObject(
  instance: string,
  app: SimulatedApplication,
  fresh = false,
) {
  const state = (fresh ? freshApplicationStatus : applicationStatus)(
    instance,
    app.name,
  );
  const sourceSpec = app.multiSource
    ? { sources: app.sources }
    : { source: app.sources[0] };
  const revisions = app.sources.map((s, i) =>
    s.chart ? s.targetRevision : `${state.revision.slice(0, 39)}${i}`,
  );
  return {
    metadata: {
      name: app.name,
      namespace: 'argocd',
      uid: `00000000-0000-4000-8000-${state.revision.slice(0, 12)}`,
      resourceVersion: '1',
      generation: 3,
      creationTimestamp: '2026-01-05T09:00:00Z',
      labels: app.labels,
    },
    spec: {
      project: app.project,
      destination: app.destination,
      ...sourceSpec,
      syncPolicy: { automated: { prune: true, selfHeal: true } },
    },
    status: {
      sync: {
        status: state.sync,
        comparedTo: { destination: app.destination, ...sourceSpec },
        ...(app.multiSource ? { revisions } : { revision: revisions[0] }),
      },
      health: {
        status: state.health,
        ...(state.healthMessage ? { message: state.healthMessage } : {}),
      },
      operationState: {
        operation: {
          sync: app.multiSource ? { revisions } : { revision: revisions[0] },
        },
        phase: state.operationPhase,
        message:
          state.operationPhase === 'Running'
            ? 'waiting for healthy state of apps/Deployment/web'
            : 'successfully synced (all tasks run)',
        startedAt: '2026-11-20T08:14:30Z',
        ...(state.operationPhase === 'Running' ? {} : { finishedAt: FINISHED }),
      },
      reconciledAt: FINISHED,
      sourceType: app.sources[0].chart ? 'Helm' : 'Kustomize',
    },
  };
}

/**
 * Each simulated Argo CD instance's API under `/argocd/<instance>`:
 * sessions and the application list with `projects`, `name`, `selector`
 * (a Kubernetes label selector; a malformed one is a 400) and `fields`.
 */
export function argocdRoutes(options: {
  getWorld: () => SimulatedWorld;
  controls: SimulatorControls;
  counter: CallCounter;
  credentials: SimulatorCredentials;
}): Router {
  const { credentials } = options;
  const router = Router();
  // The namespaces each instance deployed into at its first list: the
  // applications of namespaces merged later are the fresh ones.
  const initialNamespaces = new Map<string, Set<string>>();
  router.use(
    '/argocd/:instance',
    simulate({
      dialect,
      target: req => req.params.instance,
      controls: options.controls,
      counter: options.counter,
    }),
  );

  router.post(
    '/argocd/:instance/api/v1/session',
    express.json(),
    (req, res) => {
      if (
        req.body?.username === credentials.argocdUsername &&
        req.body?.password === credentials.argocdPassword
      ) {
        res.json({ token: credentials.argocdToken });
        return;
      }
      res.status(401).json(runtimeError(401, 'Invalid username or password'));
    },
  );

  router.get('/argocd/:instance/api/v1/applications', (req, res) => {
    const token = bearerToken(req);
    if (!token) {
      res.status(401).json(runtimeError(401, 'no session information'));
      return;
    }
    if (token !== credentials.argocdToken) {
      res
        .status(401)
        .json(runtimeError(401, 'invalid session: token signature is invalid'));
      return;
    }
    const instance = options
      .getWorld()
      .argocd.find(i => i.name === req.params.instance);
    if (!instance) {
      res.status(404).json(runtimeError(404, 'instance not found'));
      return;
    }
    if (!initialNamespaces.has(instance.name)) {
      initialNamespaces.set(
        instance.name,
        new Set(instance.applications.map(a => a.destination.namespace)),
      );
    }
    const initial = initialNamespaces.get(instance.name)!;
    const list = (value: unknown) =>
      ([] as unknown[]).concat(value ?? []).flatMap(v => String(v).split(','));
    const projects = list(req.query.project ?? req.query.projects);
    // One selector string (labels.Parse): its commas are not a list.
    let selects: LabelSelectorMatcher;
    try {
      selects = parseLabelSelector(String(req.query.selector ?? ''));
    } catch (error) {
      res.status(400).json(runtimeError(400, (error as Error).message));
      return;
    }
    const fields = list(req.query.fields)
      .filter(f => f.startsWith('items.'))
      .map(f => f.slice('items.'.length));

    const names = list(req.query.name);
    const items = instance.applications
      .filter(app => names.length === 0 || names.includes(app.name))
      .filter(app => projects.length === 0 || projects.includes(app.project))
      .filter(app => selects(app.labels))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(app =>
        applicationObject(
          instance.name,
          app,
          !initial.has(app.destination.namespace),
        ),
      );
    res.json({
      metadata: { resourceVersion: '1' },
      items: fields.length ? items.map(item => project(item, fields)) : items,
    });
  });
  return router;
}
