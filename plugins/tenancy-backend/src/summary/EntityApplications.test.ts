import { CacheManager } from '@backstage/backend-defaults/cache';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  catalogEntitiesFor,
  createSimulatorServer,
  DEFAULT_SIMULATOR_CREDENTIALS,
  generateWorld,
  simulatorBackendConfig,
  SimulatorServer,
} from '@internal/upstream-simulators';
import { TenancyCatalogIndex } from '../catalog/TenancyCatalogIndex';
import { refreshSources } from '../snapshots/refreshSources';
import { SnapshotReader } from '../snapshots/SnapshotReader';
import { SnapshotStore } from '../snapshots/SnapshotStore';
import { readArgoCdInstances } from '../config/readArgoCdInstances';
import { ArgoCdSource } from '../sources/argocd/ArgoCdSource';
import { SummaryService } from './SummaryService';

// cluster-1 is watched by argocd-1 (token), cluster-2 by argocd-2 (username
// and password). Two applications per namespace: `<namespace>` and
// `<namespace>-1`; tenant-0000 has tenant-0000-0-dev (cluster-1) and
// tenant-0000-1-staging (cluster-2), tenant-0001 tenant-0001-0-prod
// (cluster-1) and tenant-0001-1-dev (cluster-2).
const world = generateWorld({
  clusters: 2,
  namespaces: 8,
  namespacesPerTenant: 2,
  argocdInstances: 2,
  applications: 16,
  costInstances: 'single',
});
for (const app of world.argocd.flatMap(i => i.applications)) {
  if (['tenant-0000-0-dev-1', 'tenant-0003-1-staging'].includes(app.name)) {
    app.labels = { ...app.labels, team: 'platform' };
  }
}

function configFor(sim: SimulatorServer) {
  const config = simulatorBackendConfig(world, sim.url);
  const [first, second] = config.argocd.appLocatorMethods[0].instances;
  return new ConfigReader({
    ...config,
    argocd: {
      password: DEFAULT_SIMULATOR_CREDENTIALS.argocdPassword,
      appLocatorMethods: [
        { type: 'config', instances: [first] },
        {
          type: 'config',
          instances: [
            {
              name: second.name,
              url: second.url,
              username: DEFAULT_SIMULATOR_CREDENTIALS.argocdUsername,
            },
          ],
        },
      ],
    },
    backend: { cache: { store: 'memory' } },
  });
}

/** The summaries over the simulators, with `annotations` added to entities by name. */
async function summaries(
  sim: SimulatorServer,
  annotations: Record<string, Record<string, string>>,
) {
  const config = configFor(sim);
  const call = { timeoutMs: 2000, retries: 0, backoffMs: 1 };
  const sources = readArgoCdInstances(config).map(
    i => new ArgoCdSource(i, [], call),
  );
  const descriptors = sources.map(({ id, kind, name }) => ({ id, kind, name }));
  const store = new SnapshotStore(
    CacheManager.fromConfig(config).forPlugin('tenancy'),
  );
  await refreshSources({ sources, store, logger: mockServices.logger.mock() });
  const entities = (catalogEntitiesFor(world) as any[]).map(e => ({
    ...e,
    metadata: {
      ...e.metadata,
      annotations: {
        ...e.metadata.annotations,
        ...annotations[e.metadata.name],
      },
    },
  }));
  const service = new SummaryService(
    new TenancyCatalogIndex(
      catalogServiceMock({ entities }),
      mockServices.auth(),
    ),
    new SnapshotReader(store, descriptors, {
      frequencyMs: 60_000,
      currency: 'USD',
      syncIntervalMs: 0,
    }),
    mockServices.permissions(),
    { chartVersion: '0.36.1', project: 'platform-vclusters' },
  );
  return (ref: string) =>
    service.entitySummary(ref, '7d', mockCredentials.user());
}

const names = (apps: Array<{ instance: string; name: string }>) =>
  apps.map(a => `${a.instance}/${a.name}`).sort();

describe("entities' argocd/* annotations", () => {
  let sim: SimulatorServer;
  beforeEach(async () => {
    sim = await createSimulatorServer({ getWorld: () => world });
  });
  afterEach(() => sim.close());

  it('without annotations, a namespace has the applications deploying into it', async () => {
    const summary = await summaries(sim, {});
    const ns = await summary('resource:default/tenant-0000-1-staging');
    expect(names(ns.namespaces[0].applications)).toEqual([
      'argocd-2/tenant-0000-1-staging',
      'argocd-2/tenant-0000-1-staging-1',
    ]);
    expect(ns.errors).toEqual([]);
    // argocd-2 signed in with its username and the shared password: one
    // session, one list.
    expect(sim.counter.calls.get('argocd:argocd-2')).toBe(2);
    expect(sim.counter.calls.get('argocd:argocd-1')).toBe(1);
  });

  it('argocd/app-name chooses exactly the named applications, from every instance', async () => {
    const summary = await summaries(sim, {
      'tenant-0000-0-dev': {
        'argocd/app-name':
          'tenant-0001-0-prod, tenant-0001-1-dev-1,no-such-app',
      },
    });
    const ns = await summary('resource:default/tenant-0000-0-dev');
    expect(names(ns.namespaces[0].applications)).toEqual([
      'argocd-1/tenant-0001-0-prod',
      'argocd-2/tenant-0001-1-dev-1',
    ]);
    expect(ns.totals.applications.total).toBe(2);

    // The tenant's rows follow their entities; the tenant's own state is
    // its default: its namespaces' applications and those of its label.
    const tenant = await summary('tenant:default/tenant-0000');
    expect(tenant.namespaces.map(n => names(n.applications))).toEqual([
      ['argocd-1/tenant-0001-0-prod', 'argocd-2/tenant-0001-1-dev-1'],
      ['argocd-2/tenant-0000-1-staging', 'argocd-2/tenant-0000-1-staging-1'],
    ]);
    expect(names(tenant.otherApplications)).toEqual([
      'argocd-1/tenant-0000-0-dev',
      'argocd-1/tenant-0000-0-dev-1',
    ]);
    expect(tenant.totals.applications.total).toBe(6);
  });

  it('argocd/app-selector on a tenant: its state is the selected applications only', async () => {
    const summary = await summaries(sim, {
      'tenant-0001': { 'argocd/app-selector': 'team in (platform)' },
    });
    const tenant = await summary('tenant:default/tenant-0001');
    expect(tenant.totals.applications.total).toBe(2);
    expect(names(tenant.otherApplications)).toEqual([
      'argocd-1/tenant-0000-0-dev-1',
      'argocd-2/tenant-0003-1-staging',
    ]);
    // Its namespaces keep their own applications.
    expect(names(tenant.namespaces.flatMap(n => n.applications))).toEqual([
      'argocd-1/tenant-0001-0-prod',
      'argocd-1/tenant-0001-0-prod-1',
      'argocd-2/tenant-0001-1-dev',
      'argocd-2/tenant-0001-1-dev-1',
    ]);
  });

  it('argocd/instance-name restricts the choice, or the default, to one instance', async () => {
    const summary = await summaries(sim, {
      'tenant-0001-0-prod': {
        'argocd/instance-name': 'argocd-2',
        'argocd/app-selector': 'team=platform',
      },
      'tenant-0001-1-dev': { 'argocd/instance-name': 'argocd-1' },
      'tenant-0000': { 'argocd/instance-name': 'argocd-2' },
    });
    const prod = await summary('resource:default/tenant-0001-0-prod');
    expect(names(prod.namespaces[0].applications)).toEqual([
      'argocd-2/tenant-0003-1-staging',
    ]);
    const dev = await summary('resource:default/tenant-0001-1-dev');
    expect(dev.namespaces[0].applications).toEqual([]);
    const tenant = await summary('tenant:default/tenant-0000');
    expect(tenant.totals.applications.total).toBe(2);
  });

  it('reports annotations it cannot apply, naming the entity, the annotation and the rule', async () => {
    const summary = await summaries(sim, {
      'tenant-0000-0-dev': { 'argocd/app-selector': 'team in platform' },
      'tenant-0000-1-staging': {
        'argocd/instance-name': 'argocd-9',
        'argocd/app-name': 'tenant-0000-1-staging',
      },
    });
    const tenant = await summary('tenant:default/tenant-0000');
    expect(tenant.namespaces.map(n => n.applications)).toEqual([[], []]);
    expect(tenant.errors).toEqual([
      {
        source: 'resource:default/tenant-0000-0-dev',
        kind: 'argocd',
        message:
          'resource:default/tenant-0000-0-dev: argocd/app-selector "team in platform" is not a label selector: expected "(" after in',
      },
      {
        source: 'resource:default/tenant-0000-1-staging',
        kind: 'argocd',
        message:
          'resource:default/tenant-0000-1-staging: argocd/instance-name "argocd-9" is not an instance of argocd.appLocatorMethods (argocd-1, argocd-2)',
      },
    ]);
  });
});
