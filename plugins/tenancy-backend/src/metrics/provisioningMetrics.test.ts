/*
 * The provisioning history end to end: requests on a local GitOps
 * repository, the requests task of two backends sharing one database, the
 * notifications they send, and GET /v1/provisioning/metrics.
 */
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  createMockDirectory,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import { catalogEntitiesFor } from '@internal/upstream-simulators';
import { Knex } from 'knex';
import request from 'supertest';
import { permissionsOwnedBy } from '../__testUtils__/permissionsOwnedBy';
import { smallWorld } from '../__testUtils__/startTenancyBackend';
import { validateApiResponse } from '../__testUtils__/validateApiResponse';
import { tenancyPlugin } from '../plugin';
import { changeRequest } from '../requests/__testUtils__/changeRequest';
import { openLocalRepository } from '../requests/__testUtils__/openLocalRepository';

// SQLite, and PostgreSQL where `scripts/test-services.sh` runs one (`.ci/run`).
const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

jest.setTimeout(60_000);

/** Only the entities owned by team-tenant-0000 may be read. */
const ownTeamOnly = permissionsOwnedBy('group:default/team-tenant-0000');

async function startReplica(options: {
  knex: Knex;
  repo: string;
  send: jest.Mock;
  extra?: any[];
}) {
  let scheduler: SchedulerService | undefined;
  const { server } = await startTestBackend({
    features: [
      tenancyPlugin,
      createBackendModule({
        pluginId: 'tenancy',
        moduleId: 'test-scheduler',
        register(env) {
          env.registerInit({
            deps: { s: coreServices.scheduler },
            async init({ s }) {
              scheduler = s;
            },
          });
        },
      }),
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      mockServices.database.factory({ knex: options.knex }),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({ send: options.send }),
      }),
      catalogServiceMock.factory({
        entities: catalogEntitiesFor(smallWorld) as any[],
      }),
      mockServices.rootConfig.factory({
        data: {
          tenancy: {
            gitops: { publisher: { type: 'local', path: options.repo } },
          },
        },
      }),
      ...(options.extra ?? []),
    ],
  });
  return {
    server,
    refreshRequests: () => scheduler!.triggerTask('tenancy-refresh-requests'),
  };
}

describe.each(databases.eachSupportedId())(
  'provisioning history and metrics on %s',
  id => {
    const dir = createMockDirectory();

    it('records and announces each request event once between two replicas, and serves its lead time', async () => {
      const { repo, publisher } = await openLocalRepository(dir);
      const knex = await databases.init(id);
      const send = jest.fn().mockResolvedValue(undefined);
      const a = await startReplica({ knex, repo, send });
      const b = await startReplica({ knex, repo, send });
      // The watch started with the plugin: what follows is announced.
      await publisher.publish(
        changeRequest(
          'tenancy/tenant-0000/tenant-0000-0-dev',
          'New namespace tenant-0000-0-dev',
          'user:default/guest',
        ),
      );
      await publisher.publish(
        changeRequest(
          'tenancy/tenant-0001/tenant-0001-0-dev',
          'New namespace tenant-0001-0-dev',
          'user:default/guest',
        ),
      );
      await Promise.all([a.refreshRequests(), b.refreshRequests()]);
      await publisher.merge(1);
      await Promise.all([a.refreshRequests(), b.refreshRequests()]);
      await a.refreshRequests();

      const sent = send.mock.calls.map(([n]) => [
        n.payload.title,
        n.recipients.entityRef,
      ]);
      expect(sent).toEqual(
        expect.arrayContaining([
          [
            'Request opened: New namespace tenant-0000-0-dev',
            ['user:default/guest', 'group:default/team-tenant-0000'],
          ],
          [
            'Request opened: New namespace tenant-0001-0-dev',
            ['user:default/guest', 'group:default/team-tenant-0001'],
          ],
          [
            'Request merged: New namespace tenant-0000-0-dev',
            ['user:default/guest', 'group:default/team-tenant-0000'],
          ],
        ]),
      );
      expect(sent).toHaveLength(3);

      const res = await request(b.server).get(
        '/api/tenancy/v1/provisioning/metrics',
      );
      expect(res.status).toBe(200);
      expect(
        validateApiResponse('ProvisioningMetricsResponse', res.body),
      ).toEqual([]);
      const merged = res.body.requests.find((r: any) => r.number === 1);
      expect(merged).toMatchObject({
        tenant: 'tenant:default/tenant-0000',
        state: 'merged',
        environment: 'dev',
        cluster: 'cluster-1',
      });
      expect(merged.toMergedSeconds).toBeGreaterThanOrEqual(0);
      expect(res.body.leadTimes.toMerged.count).toBe(1);
      expect(res.body.open.map((r: any) => r.number)).toEqual([2]);
      expect(res.body.openCount).toBe(1);
      expect(res.body.sla.targetMinutes).toBe(10);
    });

    it('answers only the requests of the tenants the caller may see', async () => {
      const { repo, publisher } = await openLocalRepository(dir);
      const replica = await startReplica({
        knex: await databases.init(id),
        repo,
        send: jest.fn().mockResolvedValue(undefined),
        extra: [ownTeamOnly.factory],
      });
      await publisher.publish(
        changeRequest('tenancy/tenant-0000/a-dev', 'New a-dev'),
      );
      await publisher.publish(
        changeRequest('tenancy/tenant-0001/b-dev', 'New b-dev'),
      );
      await replica.refreshRequests();

      const res = await request(replica.server).get(
        '/api/tenancy/v1/provisioning/metrics',
      );
      expect(res.status).toBe(200);
      expect(res.body.open.map((r: any) => r.title)).toEqual(['New a-dev']);
      expect(res.body.openCount).toBe(1);
    });
  },
);
