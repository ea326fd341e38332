import { CacheManager } from '@backstage/backend-defaults/cache';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  createSimulatorServer,
  generateWorld,
  SimulatedFault,
  simulatorBackendConfig,
  SimulatorServer,
} from '@internal/upstream-simulators';
import { readRefreshOptions } from '../config/readRefreshOptions';
import { createSources } from '../sources/createSources';
import { refreshSources } from './refreshSources';
import { SnapshotReader } from './SnapshotReader';
import { SnapshotStore } from './SnapshotStore';

const world = generateWorld({
  clusters: 2,
  namespaces: 8,
  namespacesPerTenant: 2,
  argocdInstances: 1,
  applications: 8,
  costInstances: 'single',
});

function setUp(sim: SimulatorServer, overrides: object = {}) {
  const config = new ConfigReader({
    ...simulatorBackendConfig(world, sim.url, overrides),
    backend: { cache: { store: 'memory' } },
  });
  const options = readRefreshOptions(
    new ConfigReader({
      tenancy: {
        refresh: { callTimeout: { milliseconds: 1000 }, retries: 1 },
      },
    }),
  );
  const logger = mockServices.logger.mock();
  const { sources, descriptors } = createSources(config, logger, options.call);
  const store = new SnapshotStore(
    CacheManager.fromConfig(config).forPlugin('tenancy'),
  );
  const reader = new SnapshotReader(store, descriptors, {
    frequencyMs: 60_000,
    currency: 'USD',
    syncIntervalMs: 0,
  });
  const refresh = () => refreshSources({ sources, store, logger });
  return { refresh, reader, logger };
}

describe('refreshSources against the simulated upstreams', () => {
  let sim: SimulatorServer;
  beforeEach(async () => {
    sim = await createSimulatorServer({ getWorld: () => world });
  });
  afterEach(() => sim.close());

  it('lists each source once per refresh: three lists per cluster, one per Argo CD and cost instance', async () => {
    const { refresh } = setUp(sim);
    const index = await refresh();
    expect(Object.values(index.sources).every(s => s.lastSuccessAt)).toBe(true);
    expect(Object.fromEntries(sim.counter.calls)).toEqual({
      'kubernetes:cluster-1': 3,
      'kubernetes:cluster-2': 3,
      'argocd:argocd-1': 1,
      'cost:opencost': 1,
    });
  });

  it('signs in to Argo CD with username and password, and once only', async () => {
    const { refresh, reader } = setUp(sim, { argocdAuth: 'password' });
    await refresh();
    await refresh();
    expect(sim.counter.calls.get('argocd:argocd-1')).toBe(3);
    const data = await reader.current();
    expect(data.applications('cluster-1', 'tenant-0000-0-dev').length).toBe(1);
  });

  it('reads Kubecost as well as OpenCost', async () => {
    const { refresh, reader } = setUp(sim, { costType: 'kubecost' });
    await refresh();
    const data = await reader.current();
    expect(data.cost('cluster-2', 'tenant-0000-1-staging')?.rows).toHaveLength(
      30,
    );
  });

  const faults: Array<[SimulatedFault, RegExp]> = [
    ['timeout', /timed out after 1000 ms/],
    [
      'http500',
      /HTTP 500 from \/opencost\/opencost\/allocation: Error: simulated internal error/,
    ],
    ['garbage', /malformed allocation response: data: /],
    ['unauthorized', /HTTP 401/],
    ['disconnect', /request failed/],
  ];

  it.each(faults.map(f => ({ fault: f[0], message: f[1] })))(
    'keeps the last good data of a cost source that fails with $fault, beside fresh data of the others',
    async ({ fault, message }) => {
      const { refresh, reader, logger } = setUp(sim);
      await refresh();
      const before = await reader.current();
      const goodCost = before.cost('cluster-1', 'tenant-0000-0-dev');
      expect(goodCost).toBeDefined();

      sim.controls.faults['cost:opencost'] = fault;
      const index = await refresh();

      const state = index.sources['cost:opencost'];
      expect(state.lastError).toMatch(message);
      expect(state.lastErrorAt! > state.lastSuccessAt!).toBe(true);
      expect(index.sources['kubernetes:cluster-1'].lastError).toBeUndefined();
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('Tenancy source cost:opencost failed'),
      );

      const after = await reader.current();
      expect(after.cost('cluster-1', 'tenant-0000-0-dev')).toEqual(goodCost);
      expect(after.quota('cluster-1', 'tenant-0000-0-dev')).toBeDefined();
      const status = after
        .statuses(new Date())
        .find(s => s.id === 'cost:opencost')!;
      expect(status.stale).toBe(true);
      expect(status.ageSeconds).toBeGreaterThanOrEqual(0);
      expect(after.statuses(new Date()).filter(s => s.stale)).toHaveLength(1);
    },
  );

  it.each(faults.map(f => ({ fault: f[0] })))(
    'reports a Kubernetes cluster that fails with $fault, without touching the other cluster',
    async ({ fault }) => {
      const { refresh } = setUp(sim);
      sim.controls.faults['kubernetes:cluster-2'] = fault;
      const index = await refresh();
      expect(index.sources['kubernetes:cluster-2'].lastError).toBeDefined();
      expect(
        index.sources['kubernetes:cluster-2'].lastSuccessAt,
      ).toBeUndefined();
      expect(index.sources['kubernetes:cluster-1'].lastSuccessAt).toBeDefined();
    },
  );

  it('retries a failing call once, then gives up', async () => {
    const { refresh } = setUp(sim);
    sim.controls.faults['argocd:argocd-1'] = 'http500';
    await refresh();
    expect(sim.counter.calls.get('argocd:argocd-1')).toBe(2);
    sim.controls.faults['argocd:argocd-1'] = 'unauthorized';
    sim.counter.reset();
    await refresh();
    expect(sim.counter.calls.get('argocd:argocd-1')).toBe(1);
  });

  it('survives the upstreams disappearing in the middle of a refresh', async () => {
    const { refresh, reader } = setUp(sim);
    await refresh();
    sim.controls.latencyMs = 150;
    const running = refresh();
    await new Promise(r => setTimeout(r, 50));
    await sim.close();
    const index = await running;
    expect(Object.values(index.sources).every(s => s.lastError)).toBe(true);
    const data = await reader.current();
    expect(data.quota('cluster-2', 'tenant-0000-1-staging')).toBeDefined();
    expect(data.statuses(new Date()).every(s => s.stale)).toBe(true);
  });
});
