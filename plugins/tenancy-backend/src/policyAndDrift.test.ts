import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  SimulatorControls,
  simulatorBackendConfig,
  SimulatorServer,
} from '@internal/upstream-simulators';
import request from 'supertest';
import { eventually } from './__testUtils__/eventually';
import { EXAMPLES, exampleWorld } from './__testUtils__/exampleWorld';
import { validateApiResponse } from './__testUtils__/validateApiResponse';
import { tenancyPlugin } from './plugin';

// The embedded default's world.
const world = exampleWorld;

/** Changed by hand on the clusters, as the embedded default's controls. */
const DRIFT: SimulatorControls['drift'] = {
  'prod-eu-1': {
    quotas: { 'payments-prod': { 'tenant-quota': { 'requests.cpu': '4' } } },
    missing: ['payments-api-prod'],
  },
  'nonprod-eu-1': {
    orphans: [
      {
        namespace: 'payments-sandbox',
        tenant: 'payments',
        environment: 'dev',
        like: 'payments-dev',
      },
      {
        namespace: 'checkout-sandbox',
        tenant: 'checkout',
        like: 'checkout-dev',
      },
    ],
  },
};

jest.setTimeout(60_000);

describe('policy results and drift', () => {
  let sim: SimulatorServer;
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(join(tmpdir(), 'tenancy-drift-'));
    sim = await createSimulatorServer({
      getWorld: () => world,
      controls: { drift: structuredClone(DRIFT) },
    });
  });
  afterEach(async () => {
    await sim.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  async function start(
    options: {
      publisher?: object;
      clusterUrl?: Record<string, string>;
      extra?: any[];
    } = {},
  ) {
    const config = simulatorBackendConfig(world, sim.url);
    for (const c of config.kubernetes.clusterLocatorMethods[0].clusters) {
      c.url = options.clusterUrl?.[c.name] ?? c.url;
    }
    const { server } = await startTestBackend({
      features: [
        tenancyPlugin,
        kubernetesPlugin,
        mockServices.scheduler.factory({
          includeInitialDelayedTasksOnStartup: true,
        }),
        catalogServiceMock.factory({
          entities: catalogEntitiesFor(world) as any,
        }),
        mockServices.rootConfig.factory({
          data: {
            ...config,
            tenancy: {
              ...config.tenancy,
              // Long enough for the first proxied call, which loads client-node.
              refresh: { callTimeout: { seconds: 30 }, retries: 0 },
              gitops: {
                publisher: options.publisher ?? {
                  type: 'local',
                  path: join(dir, 'gitops-repo'),
                  seedFrom: EXAMPLES,
                },
              },
            },
          },
        }),
        ...(options.extra ?? []),
      ],
    });
    return server;
  }

  /** The sources once every one has been tried. */
  const refreshed = (server: any, count = 12) =>
    eventually(async () => {
      const res = await request(server).get('/api/tenancy/v1/sources');
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(count);
      for (const s of res.body.items) {
        expect(s.lastSuccessAt ?? s.lastErrorAt).toBeDefined();
      }
      return res.body;
    });
  const byId = (sources: any) =>
    Object.fromEntries(sources.items.map((s: any) => [s.id, s]));

  it("shows a tenant's policy results and drift, and the fleet's counts", async () => {
    const server = await start();
    const sources = await refreshed(server);
    expect(Object.keys(byId(sources)).sort()).toEqual([
      'argocd:argocd',
      'cost:opencost',
      'gitops:default',
      'kubernetes:nonprod-eu-1',
      'kubernetes:nonprod-eu-2',
      'kubernetes:prod-eu-1',
      'policy:nonprod-eu-1',
      'policy:nonprod-eu-2',
      'policy:prod-eu-1',
      'vcluster:nonprod-eu-1',
      'vcluster:nonprod-eu-2',
      'vcluster:prod-eu-1',
    ]);
    for (const s of sources.items)
      expect([s.id, s.lastError]).toEqual([s.id, undefined]);
    expect(sources.driftComputedAt).toEqual(expect.any(String));
    expect(validateApiResponse('SourcesResponse', sources)).toEqual([]);

    const res = await request(server).get(
      '/api/tenancy/v1/entities/tenant/default/payments/summary',
    );
    expect(res.status).toBe(200);
    expect(validateApiResponse('EntitySummary', res.body)).toEqual([]);
    const ns = (name: string) =>
      res.body.namespaces.find((n: any) => n.namespace === name);
    // Policy results of both report groups.
    for (const name of ['payments-prod', 'payments-dev']) {
      const { counts } = ns(name).policy;
      expect(counts.pass + counts.fail + counts.warn).toBeGreaterThan(0);
    }
    expect(res.body.totals.policy.pass).toBe(
      res.body.namespaces.reduce(
        (n: number, x: any) => n + (x.policy?.counts.pass ?? 0),
        0,
      ),
    );
    const failing = res.body.namespaces
      .flatMap((n: any) => n.policy?.findings ?? [])
      .find((f: any) => f.result === 'fail');
    // The simulated baseline finds a few images on latest or from Docker Hub.
    expect(failing).toEqual(
      expect.objectContaining({
        message: expect.any(String),
        source: expect.any(String),
        resource: expect.objectContaining({ kind: expect.any(String) }),
      }),
    );

    expect(ns('payments-prod').drift).toEqual([
      expect.objectContaining({
        kind: 'quota',
        field: 'ResourceQuota/tenant-quota spec.hard.requests.cpu',
        git: '2',
        live: '4',
        path: 'tenants/payments/prod/payments-prod',
      }),
    ]);
    expect(ns('payments-api-prod').drift).toEqual([
      expect.objectContaining({ kind: 'missing' }),
    ]);
    expect(ns('payments-dev').drift).toEqual([]);
    expect(res.body.orphans).toEqual([
      expect.objectContaining({
        kind: 'orphan',
        cluster: 'nonprod-eu-1',
        namespace: 'payments-sandbox',
        tenant: 'payments',
      }),
    ]);
    expect(res.body.totals.drift).toBe(3);

    const fleet = await request(server).get('/api/tenancy/v1/tenants');
    expect(validateApiResponse('FleetResponse', fleet.body)).toEqual([]);
    const row = (name: string) =>
      fleet.body.items.find((t: any) => t.name === name);
    expect(row('payments').drift).toBe(3);
    expect(row('payments').policy).toEqual(res.body.totals.policy);
    expect(row('checkout').drift).toBe(1); // its orphan
    expect(row('search').drift).toBe(0);
  });

  it('serves what a cluster has of a namespace of a visible tenant, and 404 otherwise', async () => {
    const permissions = mockServices.permissions.mock({
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
            params: { claims: ['group:default/team-payments'] },
          },
        })) as any,
    });
    const server = await start({ extra: [permissions.factory] });
    await refreshed(server);
    const observed = (cluster: string, namespace: string) =>
      request(server).get(
        `/api/tenancy/v1/clusters/${cluster}/namespaces/${namespace}/observed`,
      );

    const orphan = await observed('nonprod-eu-1', 'payments-sandbox');
    expect(orphan.status).toBe(200);
    expect(validateApiResponse('ObservedNamespace', orphan.body)).toEqual([]);
    const like = world.clusters
      .find(c => c.name === 'nonprod-eu-1')!
      .namespaces.find(n => n.name === 'payments-dev')!;
    expect(orphan.body).toMatchObject({
      cluster: 'nonprod-eu-1',
      namespace: 'payments-sandbox',
      orphan: true,
      labels: expect.objectContaining({ 'tenancy.io/tenant': 'payments' }),
      quotas: like.quotas,
      limitRanges: like.limitRanges,
    });
    expect((await observed('prod-eu-1', 'payments-prod')).body.orphan).toBe(
      false,
    );
    // Another tenant's orphan, a namespace without a tenant, one that does
    // not exist: all the same answer.
    const hidden = await Promise.all([
      observed('nonprod-eu-1', 'checkout-sandbox'),
      observed('prod-eu-1', 'kube-system'),
      observed('prod-eu-1', 'nothing-here'),
    ]);
    expect(hidden.map(r => r.status)).toEqual([404, 404, 404]);
    expect(hidden[0].body.error.message).toBe(
      'No namespace checkout-sandbox of a tenant you may see on cluster nonprod-eu-1 at the last refresh',
    );
    expect(
      (
        await request(server)
          .get(
            '/api/tenancy/v1/clusters/nonprod-eu-1/namespaces/payments-sandbox/observed',
          )
          .set('authorization', mockCredentials.none.header())
      ).status,
    ).toBe(401);
  });

  describe('faults stay with their source', () => {
    const summary = async (server: any) =>
      (
        await request(server).get(
          '/api/tenancy/v1/entities/tenant/default/payments/summary',
        )
      ).body;

    it('one report group absent is fine; both absent, or a malformed report, fail the policy source only', async () => {
      sim.controls.policyReports = {
        'prod-eu-1': { malformed: ['wgpolicyk8s.io'] },
        'nonprod-eu-1': {
          absent: [
            'wgpolicyk8s.io',
            'openreports.io',
            'constraints.gatekeeper.sh',
          ],
        },
      };
      const server = await start();
      const sources = byId(await refreshed(server));
      expect(sources['policy:nonprod-eu-1'].lastError).toBe(
        'no policy report CRDs (wgpolicyk8s.io/v1alpha2, openreports.io/v1alpha1) and no Gatekeeper constraints (constraints.gatekeeper.sh/v1beta1) on cluster nonprod-eu-1',
      );
      expect(sources['policy:prod-eu-1'].lastError).toMatch(
        /^malformed (Cluster)?PolicyReportList: items\.0\.results: /,
      );
      for (const id of [
        'kubernetes:prod-eu-1',
        'kubernetes:nonprod-eu-1',
        'argocd:argocd',
        'cost:opencost',
        'gitops:default',
      ]) {
        expect(sources[id].lastError).toBeUndefined();
      }
      const body = await summary(server);
      const prod = body.namespaces.find(
        (n: any) => n.namespace === 'payments-prod',
      );
      expect(prod.policy).toBeUndefined();
      expect(prod.quota.resources.length).toBeGreaterThan(0);
      expect(prod.cost).toBeDefined();
      expect(prod.drift).toHaveLength(1);
      // Only the namespaces of nonprod-eu-2 (qa), whose reports are whole, count.
      const withPolicy = body.namespaces.filter((n: any) => n.policy);
      expect(withPolicy.map((n: any) => n.namespace).sort()).toEqual([
        'payments-api-qa',
        'payments-qa',
      ]);
      expect(body.totals.policy.pass).toBe(
        withPolicy.reduce(
          (sum: number, n: any) => sum + n.policy.counts.pass,
          0,
        ),
      );
      expect(body.errors.map((e: any) => e.source).sort()).toEqual([
        'policy:nonprod-eu-1',
        'policy:prod-eu-1',
      ]);
    });

    it('reads the other group when one is absent', async () => {
      sim.controls.policyReports = {
        'nonprod-eu-1': { absent: ['wgpolicyk8s.io'] },
      };
      const server = await start();
      const sources = byId(await refreshed(server));
      expect(sources['policy:nonprod-eu-1'].lastError).toBeUndefined();
      const dev = (await summary(server)).namespaces.find(
        (n: any) => n.namespace === 'payments-dev',
      );
      expect(dev.policy.counts.pass).toBeGreaterThan(0);
    });

    it('a cluster that cannot be reached fails its own sources, the rest is served', async () => {
      const server = await start({
        clusterUrl: { 'prod-eu-1': 'http://127.0.0.1:1' },
      });
      const sources = byId(await refreshed(server));
      for (const id of ['kubernetes:prod-eu-1', 'policy:prod-eu-1']) {
        expect(sources[id].lastError).toMatch(/^HTTP 5\d\d from /);
        expect(sources[id].stale).toBe(true);
      }
      for (const id of [
        'kubernetes:nonprod-eu-1',
        'policy:nonprod-eu-1',
        'argocd:argocd',
        'gitops:default',
      ]) {
        expect(sources[id].lastError).toBeUndefined();
      }
      const body = await summary(server);
      const ns = (name: string) =>
        body.namespaces.find((n: any) => n.namespace === name);
      // No data from prod-eu-1: neither its quota, its policy nor its drift.
      expect(ns('payments-prod').quota).toBeUndefined();
      expect(ns('payments-prod').policy).toBeUndefined();
      expect(ns('payments-prod').drift).toBeUndefined();
      expect(ns('payments-dev').policy).toBeDefined();
      expect(ns('payments-dev').drift).toEqual([]);
      expect(body.orphans).toHaveLength(1);
    });

    it('an unreadable GitOps repository leaves drift out and serves the rest', async () => {
      const server = await start({
        publisher: { type: 'local', path: join(dir, 'no-such-repository') },
      });
      const sources = await refreshed(server);
      expect(byId(sources)['gitops:default'].lastError).toMatch(
        /^no git repository at /,
      );
      expect(sources.driftComputedAt).toBeUndefined();
      const body = await summary(server);
      expect(body.orphans).toBeUndefined();
      expect(body.totals.drift).toBeUndefined();
      for (const n of body.namespaces) expect(n.drift).toBeUndefined();
      expect(body.namespaces[0].policy).toBeDefined();
      expect(body.namespaces[0].quota).toBeDefined();
    });
  });
});
