import { DefaultAuditorService } from '@backstage/backend-defaults/auditor';
import { mockServices } from '@backstage/backend-test-utils';
import { PublishedRequest } from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { RequestOutcomeAuditor } from './RequestOutcomeAuditor';

type LoggedEvent = Parameters<
  Parameters<typeof DefaultAuditorService.create>[0]
>[0];

function setUp() {
  const events: LoggedEvent[] = [];
  // Each event is logged when created and when it succeeds: keep the outcomes.
  const auditor = DefaultAuditorService.create(
    e => void (e.status === 'succeeded' && events.push(e)),
    {
      auth: mockServices.auth(),
      httpAuth: mockServices.httpAuth(),
      plugin: { getId: () => 'tenancy' },
    },
  );
  const cache = mockServices.cache.mock();
  const store = new Map<string, unknown>();
  cache.get.mockImplementation(async key => store.get(key) as any);
  cache.set.mockImplementation(async (key, value) => {
    store.set(key, value);
  });
  return { events, outcomes: new RequestOutcomeAuditor(cache, auditor) };
}

const request = (
  number: number,
  state: PublishedRequest['state'],
  updatedAt: string,
): PublishedRequest => ({
  number,
  state,
  updatedAt,
  title: `New namespace payments-${number}-dev`,
  url: `https://git.example.com/pr/${number}`,
  branch: `tenancy/payments/payments-${number}-dev`,
  requestedBy: 'user:default/alex',
});

describe('RequestOutcomeAuditor', () => {
  it('emits one event when a request it saw open is merged, and none on later passes', async () => {
    const { events, outcomes } = setUp();
    const t0 = new Date('2026-12-02T10:00:00Z');
    await outcomes.observe([request(1, 'open', '2026-12-02T09:00:00Z')], t0);
    expect(events).toEqual([]);

    await outcomes.observe([request(1, 'merged', '2026-12-02T10:05:00Z')]);
    await outcomes.observe([request(1, 'merged', '2026-12-02T10:05:00Z')]);

    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      plugin: 'tenancy',
      eventId: 'provisioning-request-outcome',
      status: 'succeeded',
      meta: {
        outcome: 'merged',
        requestNumber: 1,
        requestUrl: 'https://git.example.com/pr/1',
        tenant: 'tenant:default/payments',
        requestedBy: 'user:default/alex',
      },
    });
  });

  it('does not replay what was merged before its first pass, but counts a request opened and closed between two passes', async () => {
    const { events, outcomes } = setUp();
    await outcomes.observe(
      [request(1, 'merged', '2026-11-01T00:00:00Z')],
      new Date('2026-12-02T10:00:00Z'),
    );
    expect(events).toEqual([]);

    await outcomes.observe([
      request(1, 'merged', '2026-11-01T00:00:00Z'),
      request(2, 'closed', '2026-12-02T10:00:30Z'),
    ]);
    expect(events.map(e => [e.meta?.requestNumber, e.meta?.outcome])).toEqual([
      [2, 'closed'],
    ]);
  });
});
