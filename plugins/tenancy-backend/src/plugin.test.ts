import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  catalogEntitiesFor,
  createSimulatorServer,
  generateWorld,
  quotaUsed,
  simulatorBackendConfig,
  SimulatorServer,
} from '@internal/upstream-simulators';
import request from 'supertest';
import { eventually } from './__testUtils__/eventually';
import { validateApiResponse } from './__testUtils__/validateApiResponse';
import { tenancyPlugin } from './plugin';

const world = generateWorld({
  clusters: 2,
  namespaces: 12,
  namespacesPerTenant: 3,
  argocdInstances: 2,
  applications: 24,
  costInstances: 'per-cluster',
});

// An application of tenant-0000 that deploys into a vCluster's own API, not
// into one of the tenant's namespaces: found by its AppProject.
world.argocd[0].applications.push({
  name: 'tenant-0000-vcluster-addons',
  project: 'tenant-0000',
  labels: {},
  destination: { name: 'tenant-0000-vc', namespace: 'kube-system' },
  sources: [
    { repoURL: 'https://git.example.com/addons.git', targetRevision: 'main' },
  ],
  multiSource: false,
});

function backendConfig(sim: SimulatorServer) {
  const config = simulatorBackendConfig(world, sim.url);
  return {
    ...config,
    tenancy: {
      ...config.tenancy,
      refresh: {
        callTimeout: { milliseconds: 2000 },
        retries: 1,
      },
    },
  };
}

async function startBackend(sim: SimulatorServer, extra: any[] = []) {
  const { server } = await startTestBackend({
    features: [
      tenancyPlugin,
      // The clusters are read through the Kubernetes backend.
      kubernetesPlugin,
      mockServices.scheduler.factory({
        includeInitialDelayedTasksOnStartup: true,
      }),
      catalogServiceMock.factory({
        entities: catalogEntitiesFor(world) as any,
      }),
      mockServices.rootConfig.factory({ data: backendConfig(sim) }),
      ...extra,
    ],
  });
  return server;
}

const allFresh = async (server: any) => {
  const res = await request(server).get('/api/tenancy/v1/sources');
  expect(res.status).toBe(200);
  // Per cluster its Kubernetes, vCluster and policy sources; two Argo CD and two cost instances.
  expect(res.body.items).toHaveLength(10);
  for (const s of res.body.items) expect(s.lastSuccessAt).toBeDefined();
  return res.body;
};

jest.setTimeout(30_000);

describe('tenancy backend plugin', () => {
  let sim: SimulatorServer;
  beforeEach(async () => {
    sim = await createSimulatorServer({ getWorld: () => world });
  });
  afterEach(() => sim.close());

  it('summarises a tenant: quota, cost and Argo CD state from every source', async () => {
    const server = await startBackend(sim);
    await eventually(() => allFresh(server));

    const res = await request(server).get(
      '/api/tenancy/v1/entities/tenant/default/tenant-0000/summary?window=7d',
    );
    expect(res.status).toBe(200);
    const summary = res.body;
    expect(validateApiResponse('EntitySummary', summary)).toEqual([]);
    expect(summary.errors).toEqual([]);
    expect(summary.stale).toBe(false);
    expect(summary.namespaces.map((n: any) => n.namespace).sort()).toEqual([
      'tenant-0000-0-dev',
      'tenant-0000-1-staging',
      'tenant-0000-2-prod',
    ]);

    const dev = summary.namespaces.find(
      (n: any) => n.namespace === 'tenant-0000-0-dev',
    );
    const simNs = world.clusters[0].namespaces.find(
      n => n.name === 'tenant-0000-0-dev',
    )!;
    const used = quotaUsed('cluster-1', simNs.name, simNs.quotas[0].hard);
    const cpu = dev.quota.resources.find(
      (r: any) => r.resource === 'requests.cpu',
    );
    expect(cpu.used).toBe(used['requests.cpu']);
    expect(cpu.hard).toBe('2');
    expect(cpu.utilisation).toBeCloseTo(
      parseInt(used['requests.cpu'], 10) / 2000,
      5,
    );
    expect(dev.quota.limitRanges[0].limits[0].defaultRequest).toEqual({
      cpu: '100m',
      memory: '128Mi',
    });

    // Cost matches what the cost instance itself reports for the last 7 days.
    const direct = await (
      await fetch(
        `${sim.url}/opencost/opencost-cluster-1/allocation?window=30d&aggregate=namespace&step=1d`,
      )
    ).json();
    const expected = direct.data
      .slice(-7)
      .reduce(
        (sum: number, set: any) => sum + set['tenant-0000-0-dev'].totalCost,
        0,
      );
    expect(dev.cost.total).toBeCloseTo(expected, 1);
    expect(dev.cost.currency).toBe('USD');
    expect(dev.cost.daily).toHaveLength(7);
    expect(dev.cost.efficiency).toBeGreaterThan(0);

    expect(dev.applications.length).toBeGreaterThan(0);
    expect(dev.applications[0]).toMatchObject({
      instance: 'argocd-1',
      project: 'tenant-0000',
      url: expect.stringMatching(/\/applications\/argocd\//),
    });
    expect(summary.otherApplications.map((a: any) => a.name)).toEqual([
      'tenant-0000-vcluster-addons',
    ]);
    const appCount =
      1 +
      summary.namespaces.reduce(
        (n: number, ns: any) => n + ns.applications.length,
        0,
      );
    expect(summary.totals.applications.total).toBe(appCount);
    expect(summary.totals.cost.total).toBeCloseTo(
      summary.namespaces.reduce((n: number, ns: any) => n + ns.cost.total, 0),
      1,
    );
  });

  it('summarises a single namespace entity', async () => {
    const server = await startBackend(sim);
    await eventually(() => allFresh(server));
    const res = await request(server).get(
      '/api/tenancy/v1/entities/resource/default/tenant-0001-0-dev/summary?window=1d',
    );
    expect(res.status).toBe(200);
    expect(res.body.namespaces).toHaveLength(1);
    expect(res.body.namespaces[0]).toMatchObject({
      cluster: 'cluster-2',
      environment: 'dev',
    });
    expect(res.body.totals.cost.window).toBe('1d');
    expect(res.body.totals.cost.daily.length).toBeLessThanOrEqual(2);
  });

  it('lists the fleet with cost by cost center', async () => {
    const server = await startBackend(sim);
    await eventually(() => allFresh(server));
    const res = await request(server).get('/api/tenancy/v1/tenants?window=30d');
    expect(res.status).toBe(200);
    expect(validateApiResponse('FleetResponse', res.body)).toEqual([]);
    expect(res.body.items).toHaveLength(4);
    const [first] = res.body.items;
    expect(first).toMatchObject({
      entityRef: 'tenant:default/tenant-0000',
      namespaceCount: 3,
      owner: 'group:default/team-tenant-0000',
    });
    expect(first.quotaUtilisation.cpu).toBeGreaterThan(0);
    expect(first.cost).toBeGreaterThan(0);
    const sumOfTenants = res.body.items.reduce(
      (n: number, t: any) => n + t.cost,
      0,
    );
    const sumOfCenters = res.body.costCenters.reduce(
      (n: number, c: any) => n + c.cost,
      0,
    );
    expect(sumOfCenters).toBeCloseTo(sumOfTenants, 1);
    expect(res.body.window).toBe('30d');
  });

  it('names the window rule when the window is wrong', async () => {
    const server = await startBackend(sim);
    const res = await request(server).get('/api/tenancy/v1/tenants?window=90d');
    expect(res.status).toBe(400);
    expect(validateApiResponse('Error', res.body)).toEqual([]);
    // The document's enum, checked by the generated router before the handler.
    expect(res.body.error.message).toBe(
      'request/query/window must be equal to one of the allowed values: 1d, 7d, 30d',
    );
    const summary = await request(server).get(
      '/api/tenancy/v1/entities/tenant/default/tenant-0000/summary?window=2d',
    );
    expect(summary.status).toBe(400);
    expect(summary.body.error.message).toMatch(/^request\/query\/window /);
  });

  it('answers 404 for entities that are not tenants, namespaces or vClusters', async () => {
    const server = await startBackend(sim);
    const res = await request(server).get(
      '/api/tenancy/v1/entities/component/default/nothing/summary',
    );
    expect(res.status).toBe(404);
  });

  it('shows only what the permission policy allows', async () => {
    const permissions = mockServices.permissions.mock({
      // Service principals are allowed, as by the permission framework:
      // the tenancy plugin's calls to the Kubernetes backend.
      authorize: async (requests: any[]) =>
        requests.map(() => ({ result: AuthorizeResult.ALLOW })),
      authorizeConditional: async (requests: any[]) =>
        requests.map(() => ({
          result: AuthorizeResult.CONDITIONAL,
          pluginId: 'catalog',
          resourceType: 'catalog-entity',
          conditions: {
            rule: 'IS_ENTITY_OWNER',
            resourceType: 'catalog-entity',
            params: { claims: ['group:default/team-tenant-0002'] },
          },
        })) as any,
    });
    const server = await startBackend(sim, [permissions.factory]);
    await eventually(() => allFresh(server));

    const fleet = await request(server).get('/api/tenancy/v1/tenants');
    expect(fleet.body.items.map((t: any) => t.name)).toEqual(['tenant-0002']);
    const other = await request(server).get(
      '/api/tenancy/v1/entities/tenant/default/tenant-0001/summary',
    );
    expect(other.status).toBe(403);
    const own = await request(server).get(
      '/api/tenancy/v1/entities/tenant/default/tenant-0002/summary',
    );
    expect(own.status).toBe(200);
  });

  it('registers both tenancy permissions, so policies and tools can list them', async () => {
    const server = await startBackend(sim);
    const res = await request(server)
      .get('/api/tenancy/.well-known/backstage/permissions/metadata')
      .set('Authorization', mockCredentials.service.header());
    expect(res.status).toBe(200);
    expect(res.body.permissions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'tenancy.provision.admin',
          type: 'basic',
        }),
        expect.objectContaining({
          name: 'tenancy.entity.read',
          type: 'resource',
          resourceType: 'catalog-entity',
        }),
      ]),
    );
  });

  it('refuses unauthenticated callers', async () => {
    const server = await startBackend(sim);
    const res = await request(server)
      .get('/api/tenancy/v1/tenants')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });

  it('never returns upstream credentials', async () => {
    sim.controls.faults['argocd:argocd-1'] = 'unauthorized';
    const server = await startBackend(sim);
    const body = await eventually(async () => {
      const res = await request(server).get('/api/tenancy/v1/sources');
      const argo = res.body.items.find((s: any) => s.id === 'argocd:argocd-1');
      expect(argo.lastError).toMatch(/HTTP 401/);
      expect(validateApiResponse('SourcesResponse', res.body)).toEqual([]);
      return JSON.stringify(res.body);
    });
    expect(body).not.toContain('simulated-argocd-token');
    expect(body).not.toContain('simulated-service-account-token');
  });
});
