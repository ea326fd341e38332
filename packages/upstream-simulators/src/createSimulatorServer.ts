import express from 'express';
import { AddressInfo } from 'node:net';
import { Server } from 'node:http';
import { argocdRoutes } from './routes/argocdRoutes';
import { costRoutes } from './routes/costRoutes';
import { kubernetesRoutes } from './routes/kubernetesRoutes';
import { CallCounter } from './routes/simulate';
import { SimulatorControls, SimulatorCredentials } from './SimulatorControls';
import { validControls } from './validControls';
import { driftedWorld } from './world/driftedWorld';
import { SimulatedWorld } from './world/SimulatedWorld';

/** A running simulator: its base URL, its controls and its call counts. */
export interface SimulatorServer {
  /** e.g. `http://127.0.0.1:7008`; upstreams live under `/k8s/<cluster>`, `/argocd/<instance>`, `/opencost/<instance>`, `/kubecost/<instance>`. */
  url: string;
  controls: SimulatorControls;
  counter: CallCounter;
  close(): Promise<void>;
}

/** Credentials of the simulated upstreams unless given. */
export const DEFAULT_SIMULATOR_CREDENTIALS: SimulatorCredentials = {
  kubernetesToken: 'simulated-service-account-token',
  argocdToken: 'simulated-argocd-token',
  argocdUsername: 'admin',
  argocdPassword: 'simulated-password',
};

/**
 * Starts the simulated Kubernetes, Argo CD and OpenCost/Kubecost APIs on
 * one port. `getWorld` (what Git says) is asked on every call, so the world
 * can change; the `drift` control changes what the clusters have.
 */
export async function createSimulatorServer(options: {
  getWorld: () => SimulatedWorld;
  port?: number;
  host?: string;
  controls?: Partial<SimulatorControls>;
  credentials?: SimulatorCredentials;
  now?: () => number;
}): Promise<SimulatorServer> {
  const controls: SimulatorControls = {
    latencyMs: 0,
    errorRate: 0,
    faults: {},
    policyReports: {},
    flux: {},
    policyResultsPerNamespace: 0,
    drift: {},
    quotaUse: {},
    vclusters: {},
    ...options.controls,
  };
  const credentials = options.credentials ?? DEFAULT_SIMULATOR_CREDENTIALS;
  const counter = new CallCounter();
  // What the clusters have: the world with the drift controls applied,
  // worked out again only when either changes.
  let drifted: { world: SimulatedWorld; drift: string; out: SimulatedWorld };
  const getWorld = () => {
    const world = options.getWorld();
    const drift = JSON.stringify(controls.drift);
    if (drifted?.world !== world || drifted.drift !== drift) {
      drifted = { world, drift, out: driftedWorld(world, controls.drift) };
    }
    return drifted.out;
  };
  const deps = { getWorld, controls, counter, credentials };

  const app = express();
  app.disable('x-powered-by');
  app.get('/__simulator/controls', (_req, res) => {
    res.json(controls);
  });
  app.put('/__simulator/controls', express.json(), (req, res) => {
    try {
      Object.assign(controls, validControls(req.body ?? {}));
      res.json(controls);
    } catch (e) {
      res.status(400).json({ error: (e as Error).message });
    }
  });
  app.get('/__simulator/stats', (_req, res) => {
    res.json({
      total: counter.total(),
      calls: Object.fromEntries(counter.calls),
    });
  });
  app.post('/__simulator/stats/reset', (_req, res) => {
    counter.reset();
    res.status(204).end();
  });
  app.use(kubernetesRoutes(deps));
  app.use(argocdRoutes(deps));
  app.use(costRoutes({ ...deps, now: options.now }));

  const host = options.host ?? '127.0.0.1';
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(options.port ?? 0, host, () => resolve(s));
    s.on('error', reject);
  });
  server.keepAliveTimeout = 30_000;
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    controls,
    counter,
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
