import express from 'express';
import { AddressInfo } from 'node:net';
import { Server } from 'node:http';
import { argocdRoutes } from './routes/argocdRoutes';
import { costRoutes } from './routes/costRoutes';
import { kubernetesRoutes } from './routes/kubernetesRoutes';
import { CallCounter } from './routes/simulate';
import {
  SIMULATED_FAULTS,
  SimulatorControls,
  SimulatorCredentials,
} from './SimulatorControls';
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

function validControls(body: any): Partial<SimulatorControls> {
  const out: Partial<SimulatorControls> = {};
  if (body.latencyMs !== undefined) {
    if (typeof body.latencyMs !== 'number' || body.latencyMs < 0) {
      throw new Error('latencyMs must be a number of milliseconds >= 0');
    }
    out.latencyMs = body.latencyMs;
  }
  if (body.errorRate !== undefined) {
    if (
      typeof body.errorRate !== 'number' ||
      body.errorRate < 0 ||
      body.errorRate > 1
    ) {
      throw new Error('errorRate must be a number between 0 and 1');
    }
    out.errorRate = body.errorRate;
  }
  if (body.faults !== undefined) {
    for (const [target, fault] of Object.entries(body.faults ?? {})) {
      if (!SIMULATED_FAULTS.includes(fault as any)) {
        throw new Error(
          `faults.${target} must be one of ${SIMULATED_FAULTS.join(', ')}`,
        );
      }
    }
    out.faults = body.faults;
  }
  return out;
}

/**
 * Starts the simulated Kubernetes, Argo CD and OpenCost/Kubecost APIs on
 * one port. `getWorld` is asked on every call, so the world can change.
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
    ...options.controls,
  };
  const credentials = options.credentials ?? DEFAULT_SIMULATOR_CREDENTIALS;
  const counter = new CallCounter();
  const deps = { getWorld: options.getWorld, controls, counter, credentials };

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
