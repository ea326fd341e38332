import { mockServices } from '@backstage/backend-test-utils';
import { metricsServiceMock } from '@backstage/backend-test-utils/alpha';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ConfigReader } from '@backstage/config';
import { TenancyCatalogIndex } from '../catalog/TenancyCatalogIndex';
import { ProvisioningTelemetry } from '../metrics/ProvisioningTelemetry';
import { TenancyNotifier } from '../notifications/TenancyNotifier';
import { SnapshotReader } from '../snapshots/SnapshotReader';
import { SnapshotStore } from '../snapshots/SnapshotStore';
import { ProvisioningHistory } from './ProvisioningHistory';
import { RequestEventRecorder } from './RequestEventRecorder';
import { RequestOutcomeAuditor } from './RequestOutcomeAuditor';
import {
  migrated,
  namespaceEntity,
  request,
  tenant,
} from './__testUtils__/provisioningFixtures';
import { collectingAuditor } from './__testUtils__/collectingAuditor';

async function setUp(options: { notifications?: object } = {}) {
  const db = await migrated();
  const history = await ProvisioningHistory.create(db);
  const entities: object[] = [tenant];
  const catalog = catalogServiceMock.mock({
    getEntities: async (req: any) => ({
      items: entities.filter((e: any) => e.kind === req.filter.kind) as any,
    }),
  });
  // The shared cache the source refresh writes its snapshots to.
  const cached = new Map<string, any>();
  const cache = mockServices.cache.mock({
    get: async (key: string) => cached.get(key),
    set: async (key: string, value: any) => void cached.set(key, value),
  });
  const store = new SnapshotStore(cache);
  const send = jest.fn().mockResolvedValue(undefined);
  const { auditor, events: audited } = collectingAuditor();
  const metrics = metricsServiceMock.mock();
  const histogram = { record: jest.fn() };
  const counter = { add: jest.fn() };
  metrics.createHistogram.mockReturnValue(histogram);
  metrics.createCounter.mockReturnValue(counter);
  metrics.createObservableGauge.mockReturnValue({
    addCallback: jest.fn(),
    removeCallback: jest.fn(),
  });
  const recorder = new RequestEventRecorder({
    history,
    catalogIndex: new TenancyCatalogIndex(catalog, mockServices.auth(), 0),
    snapshots: new SnapshotReader(store, [], {
      frequencyMs: 300_000,
      currency: 'EUR',
      syncIntervalMs: 0,
    }),
    notifier: TenancyNotifier.fromConfig(
      new ConfigReader({
        tenancy: { notifications: options.notifications ?? {} },
      }),
      {
        notifications: { send },
        database: db,
        logger: mockServices.logger.mock(),
      },
    ),
    outcomes: new RequestOutcomeAuditor(auditor),
    telemetry: new ProvisioningTelemetry(metrics, () => history.openCount()),
    logger: mockServices.logger.mock(),
  });
  const namespaceActive = async (at: string) => {
    entities.push(namespaceEntity);
    await store.write(
      {
        refreshedAt: at,
        sources: {
          'kubernetes:cluster-1': {
            id: 'kubernetes:cluster-1',
            kind: 'kubernetes',
            name: 'cluster-1',
            lastSuccessAt: at,
            lastAttemptAt: at,
          },
        },
      },
      new Map([
        [
          'kubernetes:cluster-1',
          {
            cluster: 'cluster-1',
            namespaces: {
              'payments-dev': { phase: 'Active', quotas: [], limitRanges: [] },
            },
          },
        ],
      ]),
    );
  };
  return { recorder, send, audited, histogram, counter, namespaceActive };
}

const notices = (send: jest.Mock) =>
  send.mock.calls.map(([n]) => ({
    to: n.recipients.entityRef,
    title: n.payload.title,
    link: n.payload.link,
  }));

describe('RequestEventRecorder', () => {
  it('tells the requester and the owning group each step once, audits the merge and counts the lead time', async () => {
    const { recorder, send, audited, histogram, namespaceActive } =
      await setUp();
    const none = new Map<string, string>();
    // The watch started with the plugin; what follows happens after it.
    const base = Date.now() + 1000;
    const time = (seconds: number) =>
      new Date(base + seconds * 1000).toISOString();
    const opened = request({ createdAt: time(0), updatedAt: time(0) });
    await recorder.observe([opened], none);
    await recorder.observe([opened], none);
    const merged = {
      ...opened,
      state: 'merged' as const,
      updatedAt: time(300),
    };
    await recorder.observe([merged], none);
    await namespaceActive(time(540));
    await recorder.observe([merged], none);
    await recorder.observe([merged], none);

    const to = ['user:default/jane', 'group:default/team-payments'];
    expect(notices(send)).toEqual([
      {
        to,
        title:
          'Request opened: New namespace payments-dev for tenant payments (dev)',
        link: '/catalog/default/tenant/payments',
      },
      {
        to,
        title:
          'Request merged: New namespace payments-dev for tenant payments (dev)',
        link: '/catalog/default/tenant/payments',
      },
      {
        to,
        title: 'payments-dev is ready',
        link: '/catalog/default/resource/payments-dev',
      },
    ]);
    expect(audited.map(e => e.meta)).toEqual([
      expect.objectContaining({
        outcome: 'merged',
        requestNumber: 7,
        tenant: 'tenant:default/payments',
        requestedBy: 'user:default/jane',
        at: merged.updatedAt,
      }),
    ]);
    // At its merge the catalog does not have the namespace yet.
    expect(histogram.record.mock.calls).toEqual([
      [expect.closeTo(300, 0), { stage: 'merged', environment: 'unknown' }],
      [expect.closeTo(540, 0), { stage: 'ready', environment: 'dev' }],
    ]);
  });

  it('tells of a closure without merge as a failure, and sends no kind switched off', async () => {
    const { recorder, send, audited, counter } = await setUp({
      notifications: { kinds: { requestOpened: false } },
    });
    const now = new Date(Date.now() + 1000).toISOString();
    await recorder.observe(
      [request({ state: 'closed', createdAt: now, updatedAt: now })],
      new Map(),
    );
    expect(notices(send).map(n => n.title)).toEqual([
      'Request closed without merge: New namespace payments-dev for tenant payments (dev)',
    ]);
    expect(audited.map(e => e.meta?.outcome)).toEqual(['closed']);
    expect(counter.add).toHaveBeenCalledWith(1, {
      outcome: 'failed',
      reason: 'closed-without-merge',
    });
  });
});
