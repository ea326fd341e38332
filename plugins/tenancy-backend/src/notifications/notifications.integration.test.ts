/*
 * Two backend instances sharing a real PostgreSQL (the plugin's database and
 * the scheduler's) and a real Redis (the snapshots): whichever runs a
 * refresh, each event is notified once between them. `.ci/run` starts both
 * servers through scripts/test-services.sh; elsewhere the test is skipped
 * unless TENANCY_TEST_PG_URL and TENANCY_TEST_REDIS_URL are set.
 */
import { cacheServiceFactory } from '@backstage/backend-defaults/cache';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import {
  catalogEntitiesFor,
  createSimulatorServer,
  simulatorBackendConfig,
  SimulatorServer,
} from '@internal/upstream-simulators';
import knexFactory, { Knex } from 'knex';
import { eventually } from '../__testUtils__/eventually';
import { smallWorld as world } from '../__testUtils__/startTenancyBackend';
import { testServices } from '../__testUtils__/testServices';
import { migrateDatabase } from '../database/migrateDatabase';
import { tenancyPlugin } from '../plugin';
import { notificationServiceMock } from './__testUtils__/notificationServiceMock';
import { quotaUseOf } from './__testUtils__/quotaUseOf';
import { TenancyNotifier } from './TenancyNotifier';

// tenant-0000: tenant-0000-0-dev, tenant-0000-1-staging; tenant-0001:
// tenant-0001-0-prod, tenant-0001-1-dev.

jest.setTimeout(120_000);

(testServices.available ? describe : describe.skip)(
  'notifications of two backends sharing PostgreSQL and Redis',
  () => {
    const run = `notify${Date.now().toString(36)}`;

    it('claims each key once between notifiers racing on PostgreSQL', async () => {
      const root = knexFactory({
        client: 'pg',
        connection: testServices.pgUrl,
      });
      const name = `${run}_race`;
      await root.raw('CREATE DATABASE ??', [name]);
      const connect = () =>
        knexFactory({
          client: 'pg',
          connection: testServices.databaseUrl(name),
        });
      const dbs: Knex[] = [connect(), connect()];
      try {
        await migrateDatabase({ getClient: async () => dbs[0] });
        const sends = dbs.map(() => jest.fn().mockResolvedValue(undefined));
        const notifiers = dbs.map((database, i) =>
          TenancyNotifier.fromConfig(new ConfigReader({}), {
            notifications: { send: sends[i] },
            database,
            logger: mockServices.logger.mock(),
          }),
        );
        const keys = Array.from({ length: 20 }, (_, i) => `race:${i}`);
        const results = await Promise.all(
          keys.flatMap(key =>
            notifiers.flatMap(notifier =>
              [1, 2].map(() =>
                notifier.notify({
                  kind: 'drift',
                  recipients: ['group:default/platform-team'],
                  title: key,
                  key,
                }),
              ),
            ),
          ),
        );
        expect(results.filter(Boolean)).toHaveLength(keys.length);
        const sent = sends
          .flatMap(s => s.mock.calls)
          .map(([options]) => options.payload.scope)
          .sort();
        expect(sent).toEqual([...keys].sort());
      } finally {
        await Promise.all(dbs.map(db => db.destroy()));
        await root.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]);
        await root.destroy();
      }
    });

    describe('the state notifications', () => {
      let sim: SimulatorServer;
      beforeAll(async () => {
        sim = await createSimulatorServer({
          getWorld: () => world,
          controls: {
            quotaUse: quotaUseOf(world, { 'tenant-0000-0-dev': 0.9 }),
          },
        });
      });
      afterAll(() => sim?.close());

      it('are sent once per event whichever backend refreshes', async () => {
        const config = simulatorBackendConfig(world, sim.url);
        const data = {
          ...config,
          backend: testServices.backendConfig(run),
          tenancy: {
            ...config.tenancy,
            refresh: {
              schedule: {
                frequency: { seconds: 1 },
                timeout: { seconds: 30 },
                initialDelay: { seconds: 0 },
              },
              callTimeout: { seconds: 30 },
              retries: 0,
            },
            notifications: {
              budgets: [{ tenant: 'tenant-0000', window: '7d', amount: 0.01 }],
            },
          },
        };
        const sends: jest.Mock[] = [];
        const start = () => {
          const notifications = notificationServiceMock();
          sends.push(notifications.send);
          return startTestBackend({
            features: [
              tenancyPlugin,
              kubernetesPlugin,
              notifications.factory,
              catalogServiceMock.factory({
                entities: catalogEntitiesFor(world) as any,
              }),
              mockServices.rootConfig.factory({ data }),
              databaseServiceFactory,
              cacheServiceFactory,
              schedulerServiceFactory,
            ],
          });
        };
        const scopes = () =>
          sends
            .flatMap(s => s.mock.calls)
            .map(
              ([options]: [NotificationSendOptions]) => options.payload.scope,
            )
            .sort();
        // One after the other, as replicas roll out: two first-ever starts at
        // the same instant race on creating the scheduler's tables.
        const a = await start();
        const b = await start();
        try {
          const first = [
            'costOverBudget:tenant:default/tenant-0000:7d:1',
            'quotaWarning:resource:default/tenant-0000-0-dev:1',
          ];
          await eventually(async () => expect(scopes()).toEqual(first), 60_000);
          // Several refreshes later, by either backend: nothing again.
          await new Promise(r => setTimeout(r, 5000));
          expect(scopes()).toEqual(first);

          // Under the threshold, then past it again: one new crossing.
          sim.controls.quotaUse['cluster-1']['tenant-0000-0-dev'] = 0.5;
          await new Promise(r => setTimeout(r, 3000));
          sim.controls.quotaUse['cluster-1']['tenant-0000-0-dev'] = 0.95;
          await eventually(
            async () =>
              expect(scopes()).toEqual([
                ...first,
                'quotaWarning:resource:default/tenant-0000-0-dev:2',
              ]),
            30_000,
          );
          await new Promise(r => setTimeout(r, 3000));
          expect(scopes()).toHaveLength(3);
        } finally {
          await Promise.all([a.stop(), b.stop()]);
        }
      });
    });
  },
);
