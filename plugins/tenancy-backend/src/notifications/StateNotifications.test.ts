import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import {
  applicationStatus,
  catalogEntitiesFor,
  createSimulatorServer,
  simulatorBackendConfig,
  SimulatedWorld,
  SimulatorServer,
  worldFromGitOpsRepo,
} from '@internal/upstream-simulators';
import { smallWorld as generated } from '../__testUtils__/startTenancyBackend';
import { tenancyPlugin } from '../plugin';
import { notificationServiceMock } from './__testUtils__/notificationServiceMock';
import { quotaUseOf } from './__testUtils__/quotaUseOf';

jest.setTimeout(60_000);

const REFRESH = 'tenancy-refresh-sources';
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/**
 * The plugin over a simulator, its refresh run by the test
 * (`scheduler.triggerTask`) and the app's notifications service a mock.
 */
async function start(
  world: SimulatedWorld,
  sim: SimulatorServer,
  tenancy: Record<string, unknown>,
) {
  const notifications = notificationServiceMock();
  const { send } = notifications;
  const scheduler = mockServices.scheduler();
  const config = simulatorBackendConfig(world, sim.url);
  const backend = await startTestBackend({
    features: [
      tenancyPlugin,
      kubernetesPlugin,
      notifications.factory,
      createServiceFactory({
        service: coreServices.scheduler,
        deps: {},
        factory: () => scheduler,
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
            ...tenancy,
          },
        },
      }),
    ],
  });
  let seen = 0;
  return {
    backend,
    send,
    /** Runs a refresh and returns the notifications it sent. */
    async refresh(): Promise<NotificationSendOptions[]> {
      await scheduler.triggerTask(REFRESH);
      const calls = send.mock.calls.slice(seen).map(c => c[0]);
      seen = send.mock.calls.length;
      return calls;
    },
  };
}

const summary = (n: NotificationSendOptions) => ({
  recipients:
    n.recipients.type === 'entity' ? n.recipients.entityRef : 'broadcast',
  key: n.payload.scope,
  severity: n.payload.severity,
  link: n.payload.link,
});

describe('state notifications', () => {
  let sim: SimulatorServer;
  afterEach(() => sim?.close());

  describe("to a tenant's owners", () => {
    // tenant-0000: tenant-0000-0-dev and tenant-0000-1-staging; tenant-0001:
    // tenant-0001-0-prod and tenant-0001-1-dev. No application is
    // degraded, but the one the test adds.
    const instance = generated.argocd[0].name;
    const healthy = generated.argocd[0].applications.filter(
      a => applicationStatus(instance, a.name).health !== 'Degraded',
    );
    const template = healthy.find(
      a => a.destination.namespace === 'tenant-0001-0-prod',
    )!;
    let tries = 0;
    while (
      applicationStatus(instance, `${template.name}-canary-${tries}`).health !==
      'Degraded'
    ) {
      tries++;
    }
    const canary = { ...template, name: `${template.name}-canary-${tries}` };
    const worldWith = (apps: typeof healthy): SimulatedWorld => ({
      ...generated,
      argocd: [{ name: instance, applications: apps }],
    });
    /** The simulators with tenant-0000-0-dev at 90 % of its quota, the others at 50 %. */
    const simulate = (getWorld: () => SimulatedWorld) =>
      createSimulatorServer({
        getWorld,
        controls: {
          quotaUse: quotaUseOf(getWorld(), { 'tenant-0000-0-dev': 0.9 }),
        },
      });

    it('tells of a quota past the warning once per crossing, a degraded application after a while, a cost over budget once', async () => {
      let world = worldWith([...healthy, canary]);
      sim = await simulate(() => world);
      const { refresh } = await start(world, sim, {
        notifications: {
          degradedAfter: { milliseconds: 500 },
          budgets: [
            { tenant: 'tenant-0000', window: '7d', amount: 0.01 },
            { tenant: 'tenant-0001', window: '7d', amount: 1e9 },
          ],
        },
      });

      const first = await refresh();
      expect(first.map(summary)).toEqual([
        {
          recipients: ['group:default/team-tenant-0000'],
          key: 'quotaWarning:resource:default/tenant-0000-0-dev:1',
          severity: 'normal',
          link: '/catalog/default/resource/tenant-0000-0-dev',
        },
        {
          recipients: ['group:default/team-tenant-0000'],
          key: 'costOverBudget:tenant:default/tenant-0000:7d:1',
          severity: 'high',
          link: '/catalog/default/tenant/tenant-0000',
        },
      ]);
      expect(first[0].payload).toEqual(
        expect.objectContaining({
          title: 'tenant-0000-0-dev is past 80% of its quota',
          description: expect.stringMatching(
            /^On cluster-1: .*pods \d+ of \d+ \(90%\)/,
          ),
          topic: 'tenancy',
        }),
      );
      expect(first[1].payload.description).toMatch(
        /^\d+(\.\d+)? USD in the last 7 days, over the budget of 0.01 USD\.$/,
      );

      // Degraded since the first refresh: told once it has lasted 500 ms.
      await sleep(600);
      const second = await refresh();
      expect(second.map(summary)).toEqual([
        {
          recipients: ['group:default/team-tenant-0001'],
          key: expect.stringMatching(
            new RegExp(
              // The Application object's namespace is part of its identity.
              `^applicationDegraded:tenant:default/tenant-0001:${instance}/argocd/${canary.name}:`,
            ),
          ),
          severity: 'high',
          link: '/catalog/default/resource/tenant-0001-0-prod',
        },
      ]);
      expect(second[0].payload.title).toMatch(
        new RegExp(`^${canary.name} has been degraded for \\d+ minutes$`),
      );
      await expect(refresh()).resolves.toEqual([]);

      // Back under the threshold: nothing; past it again: a new crossing.
      sim.controls.quotaUse['cluster-1']['tenant-0000-0-dev'] = 0.5;
      await expect(refresh()).resolves.toEqual([]);
      sim.controls.quotaUse['cluster-1']['tenant-0000-0-dev'] = 0.97;
      const again = await refresh();
      expect(again.map(summary)).toEqual([
        {
          recipients: ['group:default/team-tenant-0000'],
          key: 'quotaWarning:resource:default/tenant-0000-0-dev:2',
          severity: 'high',
          link: '/catalog/default/resource/tenant-0000-0-dev',
        },
      ]);

      // Healthy again, then degraded again: a new spell, told anew.
      world = worldWith(healthy);
      await expect(refresh()).resolves.toEqual([]);
      world = worldWith([...healthy, canary]);
      await expect(refresh()).resolves.toEqual([]);
      await sleep(600);
      const relapse = await refresh();
      expect(relapse.map(n => n.payload.scope)).toEqual([
        expect.stringMatching(/^applicationDegraded:/),
      ]);
      expect(relapse[0].payload.scope).not.toBe(second[0].payload.scope);
    });

    it('sends at the next refresh what could not be sent', async () => {
      const world = worldWith(healthy);
      sim = await simulate(() => world);
      const { refresh, send } = await start(world, sim, {});
      send.mockRejectedValueOnce(new Error('notifications backend down'));
      const failed = await refresh();
      const retried = await refresh();
      expect(failed.map(n => n.payload.scope)).toEqual([
        'quotaWarning:resource:default/tenant-0000-0-dev:1',
      ]);
      expect(retried.map(n => n.payload.scope)).toEqual([
        'quotaWarning:resource:default/tenant-0000-0-dev:1',
      ]);
      await expect(refresh()).resolves.toEqual([]);
    });

    it('sends nothing of the kinds switched off, and the others', async () => {
      const world = worldWith([...healthy, canary]);
      sim = await simulate(() => world);
      const { refresh } = await start(world, sim, {
        notifications: {
          kinds: { quotaWarning: false, applicationDegraded: false },
          degradedAfter: { milliseconds: 1 },
          budgets: [{ tenant: 'tenant-0000', window: '1d', amount: 0.01 }],
        },
      });
      const sent = await refresh();
      await sleep(10);
      sent.push(...(await refresh()));
      expect(sent.map(n => n.payload.scope)).toEqual([
        'costOverBudget:tenant:default/tenant-0000:1d:1',
      ]);
    });
  });

  describe('to the platform team', () => {
    const EXAMPLES = resolve(__dirname, '../../../../examples/gitops-repo');
    const world = worldFromGitOpsRepo(EXAMPLES, {
      argocd: [{ name: 'argocd', clusters: ['nonprod-eu-1', 'prod-eu-1'] }],
      cost: [{ name: 'opencost', clusters: ['nonprod-eu-1', 'prod-eu-1'] }],
      policyEngines: [
        { engine: 'kyverno-openreports', clusters: ['nonprod-eu-1'] },
        { engine: 'kyverno', clusters: ['prod-eu-1'] },
      ],
    });
    let dir: string;
    beforeEach(async () => {
      dir = await fs.mkdtemp(join(tmpdir(), 'tenancy-notifications-'));
    });
    afterEach(() => fs.rm(dir, { recursive: true, force: true }));

    it('tells of drift and policy failures once per finding set, and of a source failing for a while', async () => {
      sim = await createSimulatorServer({
        getWorld: () => world,
        controls: {
          drift: {
            'prod-eu-1': {
              quotas: {
                'payments-prod': { 'tenant-quota': { 'requests.cpu': '4' } },
              },
            },
          },
        },
      });
      const { refresh } = await start(world, sim, {
        gitops: {
          publisher: {
            type: 'local',
            path: join(dir, 'gitops-repo'),
            seedFrom: EXAMPLES,
          },
        },
        notifications: {
          platformGroup: 'platform-team',
          sourceFailingAfter: { milliseconds: 500 },
          kinds: {
            quotaWarning: false,
            applicationDegraded: false,
            costOverBudget: false,
          },
        },
      });

      const first = await refresh();
      for (const n of first) {
        expect(n.recipients).toEqual({
          type: 'entity',
          entityRef: ['group:default/platform-team'],
        });
      }
      const keys = first.map(n => n.payload.scope!);
      expect(keys.filter(k => k.startsWith('drift:'))).toEqual([
        expect.stringMatching(/^drift:resource:default\/payments-prod:\w{32}$/),
      ]);
      const drift = first.find(n => n.payload.scope!.startsWith('drift:'))!;
      expect(drift.payload).toEqual(
        expect.objectContaining({
          title: 'payments-prod on prod-eu-1 differs from Git (1)',
          description: expect.stringContaining('requests.cpu'),
          link: '/catalog/default/resource/payments-prod',
        }),
      );
      // The example repository's failures: an image on :latest or from Docker Hub.
      expect(
        keys
          .filter(k => k.startsWith('policyFailures:'))
          .map(k => k.split(':').slice(1, 3).join(':'))
          .sort(),
      ).toEqual([
        'resource:default/checkout-prod',
        'resource:default/checkout-staging',
        'resource:default/payments-staging',
      ]);
      await expect(refresh()).resolves.toEqual([]);

      // Another finding: the namespace's new set is told, the others are not.
      sim.controls.drift['prod-eu-1'].labels = {
        'payments-prod': { 'tenancy.io/cost-center': 'CC-9999' },
      };
      const changed = await refresh();
      expect(changed.map(n => n.payload.title)).toEqual([
        'payments-prod on prod-eu-1 differs from Git (2)',
      ]);

      // A source failing: told once it has failed for 500 ms, then not again.
      sim.controls.faults['argocd:argocd'] = 'http500';
      await expect(refresh()).resolves.toEqual([]);
      await sleep(600);
      const failing = await refresh();
      expect(failing.map(summary)).toEqual([
        {
          recipients: ['group:default/platform-team'],
          key: expect.stringMatching(/^sourceFailing:argocd:argocd:/),
          severity: 'critical',
          link: '/tenancy',
        },
      ]);
      expect(failing[0].payload.description).toMatch(/^Last error: .*500/);
      await expect(refresh()).resolves.toEqual([]);
    });
  });
});
