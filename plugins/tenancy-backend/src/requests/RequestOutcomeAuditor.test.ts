import { RecordedEvent } from './ProvisioningHistory';
import { RequestOutcomeAuditor } from './RequestOutcomeAuditor';
import { collectingAuditor } from './__testUtils__/collectingAuditor';

function setUp() {
  const { auditor, events } = collectingAuditor();
  return { events, outcomes: new RequestOutcomeAuditor(auditor) };
}

const event = (type: RecordedEvent['type']): RecordedEvent => ({
  requestId: '3:tenancy/payments/payments-3-dev',
  key: type,
  type,
  at: '2026-12-01T10:00:00.000Z',
  request: {
    id: '3:tenancy/payments/payments-3-dev',
    number: 3,
    branch: 'tenancy/payments/payments-3-dev',
    title: 'New namespace payments-3-dev',
    url: 'https://git.example.com/pr/3',
    tenant: 'payments',
    subject: 'payments-3-dev',
    kind: 'create',
    state: 'merged',
  },
});

describe('RequestOutcomeAuditor', () => {
  it('audits merges and closures, with the request and when it happened', async () => {
    const { events, outcomes } = setUp();
    for (const type of ['opened', 'merged', 'ready', 'closed'] as const) {
      await outcomes.audit(event(type), 'tenant:default/payments');
    }
    expect(events.map(e => [e.eventId, e.meta])).toEqual([
      [
        'provisioning-request-outcome',
        {
          outcome: 'merged',
          requestNumber: 3,
          requestUrl: 'https://git.example.com/pr/3',
          branch: 'tenancy/payments/payments-3-dev',
          tenant: 'tenant:default/payments',
          title: 'New namespace payments-3-dev',
          requestedBy: null,
          at: '2026-12-01T10:00:00.000Z',
        },
      ],
      [
        'provisioning-request-outcome',
        expect.objectContaining({ outcome: 'closed' }),
      ],
    ]);
  });
});
