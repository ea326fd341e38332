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
import { startKubernetesBackend } from '../__testUtils__/startKubernetesBackend';
import { createSources } from '../sources/createSources';
import { KubernetesClusters } from '../sources/kubernetes/KubernetesClusters';
import { Source } from '../sources/types';
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

async function setUp(sim: SimulatorServer, overrides: object = {}) {
  const { kubernetes, ...rest } = simulatorBackendConfig(
    world,
    sim.url,
    overrides,
  );
  const config = new ConfigReader({
    ...rest,
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
  const { sources, descriptors } = createSources(config, options.call);
  // The clusters come from the Kubernetes backend, as in the plugin.
  const backend = await startKubernetesBackend(kubernetes);
  await backend.client().get('cluster-1', '/api/v1/namespaces?limit=1');
  sim.counter.reset();
  const clusters = new KubernetesClusters(backend.client(options.call), logger);
  const store = new SnapshotStore(
    CacheManager.fromConfig(config).forPlugin('tenancy'),
  );
  const reader = new SnapshotReader(store, descriptors, {
    frequencyMs: 60_000,
    currency: 'USD',
    syncIntervalMs: 0,
  });
  const refresh = async () =>
    refreshSources({
      sources: [...(await clusters.sources([])), ...sources],
      store,
      logger,
    });
  return { refresh, reader, logger };
}

jest.setTimeout(30_000);

describe('refreshSources against the simulated upstreams', () => {
  let sim: SimulatorServer;
  beforeEach(async () => {
    sim = await createSimulatorServer({ getWorld: () => world });
  });
  afterEach(() => sim.close());

  it('lists each source once per refresh: four lists per cluster (three and the vCluster control planes), one per Argo CD and cost instance', async () => {
    const { refresh } = await setUp(sim);
    const index = await refresh();
    expect(Object.values(index.sources).every(s => s.lastSuccessAt)).toBe(true);
    expect(Object.keys(index.sources)).toContain('vcluster:cluster-2');
    expect(Object.fromEntries(sim.counter.calls)).toEqual({
      'kubernetes:cluster-1': 4,
      'kubernetes:cluster-2': 4,
      'argocd:argocd-1': 1,
      'cost:opencost': 1,
    });
  });

  it('signs in to Argo CD with username and password, and once only', async () => {
    const { refresh, reader } = await setUp(sim, { argocdAuth: 'password' });
    await refresh();
    await refresh();
    expect(sim.counter.calls.get('argocd:argocd-1')).toBe(3);
    const data = await reader.current();
    expect(data.applications('cluster-1', 'tenant-0000-0-dev').length).toBe(1);
  });

  it('reads Kubecost as well as OpenCost', async () => {
    const { refresh, reader } = await setUp(sim, { costType: 'kubecost' });
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
      const { refresh, reader, logger } = await setUp(sim);
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
      const { refresh } = await setUp(sim);
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
    const { refresh } = await setUp(sim);
    sim.controls.faults['argocd:argocd-1'] = 'http500';
    await refresh();
    expect(sim.counter.calls.get('argocd:argocd-1')).toBe(2);
    sim.controls.faults['argocd:argocd-1'] = 'unauthorized';
    sim.counter.reset();
    await refresh();
    expect(sim.counter.calls.get('argocd:argocd-1')).toBe(1);
  });

  it('survives the upstreams disappearing in the middle of a refresh', async () => {
    const { refresh, reader } = await setUp(sim);
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

describe('refreshSources in two calls', () => {
  const source = (id: string, fetch: () => Promise<any>) =>
    ({
      id,
      kind: id.split(':')[0],
      name: id.split(':')[1],
      fetch,
    } as Source);

  it('keeps the states the other call refreshed, and drops sources no call has', async () => {
    const store = new SnapshotStore(
      CacheManager.fromConfig(
        new ConfigReader({ backend: { cache: { store: 'memory' } } }),
      ).forPlugin('tenancy'),
    );
    const logger = mockServices.logger.mock();
    const gitops = source('gitops:default', async () => ({
      name: 'default',
      namespaces: [],
    }));
    const cluster = (name: string) =>
      source(`kubernetes:${name}`, async () => ({
        cluster: name,
        namespaces: {},
      }));
    const isGitops = (s: { kind: string }) => s.kind === 'gitops';

    await refreshSources({
      sources: [cluster('a'), cluster('b')],
      store,
      logger,
      carry: isGitops,
    });
    await refreshSources({
      sources: [gitops],
      store,
      logger,
      carry: s => !isGitops(s),
    });
    expect(Object.keys((await store.readIndex())!.sources).sort()).toEqual([
      'gitops:default',
      'kubernetes:a',
      'kubernetes:b',
    ]);

    // Cluster b is gone from the Kubernetes backend; the repository stays.
    const index = await refreshSources({
      sources: [cluster('a')],
      store,
      logger,
      carry: isGitops,
    });
    expect(Object.keys(index.sources).sort()).toEqual([
      'gitops:default',
      'kubernetes:a',
    ]);
    expect(await store.readData('gitops:default')).toEqual({
      name: 'default',
      namespaces: [],
    });
  });
});
