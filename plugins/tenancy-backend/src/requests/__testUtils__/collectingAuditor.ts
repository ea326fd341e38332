import { DefaultAuditorService } from '@backstage/backend-defaults/auditor';
import { mockServices } from '@backstage/backend-test-utils';

type LoggedEvent = Parameters<
  Parameters<typeof DefaultAuditorService.create>[0]
>[0];

/** The plugin's auditor, keeping the events that succeeded. */
export function collectingAuditor() {
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
  return { auditor, events };
}
