import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';

/**
 * The app's notifications service as a jest mock, the edge of the
 * notifier: `send` resolves unless a test tells it otherwise, and `factory`
 * puts it in a test backend.
 */
export function notificationServiceMock() {
  const send = jest.fn<Promise<void>, [NotificationSendOptions]>();
  send.mockResolvedValue(undefined);
  return {
    send,
    factory: createServiceFactory({
      service: notificationService,
      deps: {},
      factory: () => ({ send }),
    }),
  };
}
