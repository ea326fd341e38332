/*
 * Two backend instances sharing a real PostgreSQL (scheduler coordination)
 * and a real Redis (the cache): one refresh per interval between them, and
 * the same answer from both. `.ci/run` starts both servers through
 * scripts/test-services.sh; elsewhere the test is skipped unless
 * TENANCY_TEST_PG_URL and TENANCY_TEST_REDIS_URL are set.
 */
import { cacheServiceFactory } from '@backstage/backend-defaults/cache';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import {
  catalogEntitiesFor,
  createSimulatorServer,
  generateWorld,
  simulatorBackendConfig,
  SimulatorServer,
} from '@internal/upstream-simulators';
import knexFactory from 'knex';
import request from 'supertest';
import { eventually } from './__testUtils__/eventually';
import { testServices } from './__testUtils__/testServices';
import { tenancyPlugin } from './plugin';

const world = generateWorld({
  clusters: 2,
  namespaces: 20,
  namespacesPerTenant: 4,
  argocdInstances: 1,
  applications: 20,
  costInstances: 'single',
});

jest.setTimeout(90_000);

(testServices.available ? describe : describe.skip)(
  'two backends sharing PostgreSQL and Redis',
  () => {
    let sim: SimulatorServer;
    beforeAll(async () => {
      sim = await createSimulatorServer({ getWorld: () => world });
    });
    afterAll(() => sim?.close());

    it('refresh once per interval between them and answer the same', async () => {
      const run = `run${Date.now().toString(36)}`;
      const config = {
        ...simulatorBackendConfig(world, sim.url),
        backend: testServices.backendConfig(run),
      };
      (config.tenancy as any).refresh = {
        schedule: {
          frequency: { seconds: 2 },
          timeout: { seconds: 30 },
          initialDelay: { seconds: 0 },
        },
      };
      const start = () =>
        startTestBackend({
          features: [
            tenancyPlugin,
            // The clusters are read through the Kubernetes backend.
            kubernetesPlugin,
            catalogServiceMock.factory({
              entities: catalogEntitiesFor(world) as any,
            }),
            mockServices.rootConfig.factory({ data: config }),
            databaseServiceFactory,
            cacheServiceFactory,
            schedulerServiceFactory,
          ],
        });
      const started = Date.now();
      // One after the other, as replicas roll out: two first-ever starts at the
      // same instant race on creating the scheduler's tables.
      const a = await start();
      const b = await start();
      try {
        const fleet = async (server: any) => {
          const res = await request(server).get(
            '/api/tenancy/v1/tenants?window=7d',
          );
          expect(res.status).toBe(200);
          expect(res.body.sources.every((s: any) => s.lastSuccessAt)).toBe(
            true,
          );
          return res.body;
        };
        const [fromA, fromB] = await eventually(async () => {
          const answers = await Promise.all([fleet(a.server), fleet(b.server)]);
          expect(answers[0].sources.map((s: any) => s.lastSuccessAt)).toEqual(
            answers[1].sources.map((s: any) => s.lastSuccessAt),
          );
          return answers;
        }, 60_000);
        expect(fromA.items).toEqual(fromB.items);
        expect(fromA.items).toHaveLength(5);
        expect(fromA.items[0].cost).toBeGreaterThan(0);

        // Let several intervals pass, then count refreshes by upstream calls:
        // each refresh lists cluster-1's namespaces once (the policy and
        // drift reads make other calls to the cluster, not this one).
        await new Promise(r => setTimeout(r, 8000));
        const elapsed = (Date.now() - started) / 1000;
        const refreshes =
          sim.counter.paths.get('kubernetes:cluster-1 /api/v1/namespaces') ?? 0;
        expect(refreshes).toBeGreaterThanOrEqual(2);
        expect(refreshes).toBeLessThanOrEqual(Math.floor(elapsed / 2) + 1);

        // The refresh is a global task: the replicas coordinate it through the
        // scheduler's table in the shared database.
        const db = knexFactory({
          client: 'pg',
          connection: testServices.databaseUrl(`${run}_tenancy`),
        });
        try {
          const tasks = await db('backstage_backend_tasks__tasks').select('id');
          expect(tasks.map(t => t.id)).toContain('tenancy-refresh-sources');
        } finally {
          await db.destroy();
        }
      } finally {
        await Promise.all([a.stop(), b.stop()]);
      }
    });
  },
);
