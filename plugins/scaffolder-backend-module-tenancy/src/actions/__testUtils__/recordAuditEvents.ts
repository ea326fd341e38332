import { DefaultAuditorService } from '@backstage/backend-defaults/auditor';
import { mockServices } from '@backstage/backend-test-utils';

type LoggedEvent = Parameters<
  Parameters<typeof DefaultAuditorService.create>[0]
>[0];

/**
 * Backstage's own auditor, logging into a list the test reads back instead
 * of the root logger.
 */
export function recordAuditEvents() {
  const events: LoggedEvent[] = [];
  const auditor = DefaultAuditorService.create(
    event => {
      events.push(event);
    },
    {
      auth: mockServices.auth(),
      httpAuth: mockServices.httpAuth(),
      plugin: { getId: () => 'scaffolder' },
    },
  );
  return { auditor, events };
}
