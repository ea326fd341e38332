import { ConfigReader } from '@backstage/config';
import { JsonValue } from '@backstage/types';
import { readNotificationOptions } from './readNotificationOptions';

const read = (notifications: JsonValue) =>
  readNotificationOptions(new ConfigReader({ tenancy: { notifications } }));

describe('readNotificationOptions', () => {
  it('has every kind on and default durations without config', () => {
    const options = readNotificationOptions(new ConfigReader({}));
    expect(options).toEqual({
      off: new Set(),
      degradedAfterMs: 30 * 60_000,
      sourceFailingAfterMs: 15 * 60_000,
      budgets: [],
    });
  });

  it('reads the kinds switched off, the platform group, durations and budgets', () => {
    const options = read({
      kinds: { drift: false, quotaWarning: true },
      platformGroup: 'platform-team',
      degradedAfter: { minutes: 10 },
      sourceFailingAfter: 'PT1H',
      budgets: [
        { tenant: 'payments', window: '7d', amount: 250 },
        { tenant: 'payments', amount: 1000 },
      ],
    });
    expect(options).toEqual({
      off: new Set(['drift']),
      platformGroup: 'group:default/platform-team',
      degradedAfterMs: 10 * 60_000,
      sourceFailingAfterMs: 60 * 60_000,
      budgets: [
        { tenant: 'payments', window: '7d', amount: 250 },
        { tenant: 'payments', window: '30d', amount: 1000 },
      ],
    });
  });

  it.each([
    [
      { kinds: { quotaWarnings: false } },
      'tenancy.notifications.kinds.quotaWarnings: is not a notification kind',
    ],
    [
      { kinds: { drift: 'off' } },
      'tenancy.notifications.kinds.drift: must be true or false',
    ],
    [
      { platformGroup: 'user:default/jane' },
      'tenancy.notifications.platformGroup: must be a group entity ref',
    ],
    [
      { degradedAfter: 'soon' },
      'tenancy.notifications.degradedAfter: must be a duration',
    ],
    [
      { sourceFailingAfter: { minutes: 0 } },
      'tenancy.notifications.sourceFailingAfter: must be longer than zero',
    ],
    [
      { budgets: [{ tenant: 'payments', window: '2d', amount: 5 }] },
      'tenancy.notifications.budgets[0].window: must be one of 1d, 7d, 30d',
    ],
    [
      { budgets: [{ tenant: 'payments', amount: -5 }] },
      'tenancy.notifications.budgets[0].amount: must be a number above zero',
    ],
    [
      { budgets: [{ amount: 5 }] },
      'tenancy.notifications.budgets[0].tenant: must be the name of a Tenant entity',
    ],
    [
      {
        budgets: [
          { tenant: 'payments', amount: 5 },
          { tenant: 'payments', window: '30d', amount: 6 },
        ],
      },
      'tenancy.notifications.budgets[1].window: tenant payments has a budget for 30d already',
    ],
  ])('refuses %j', (notifications, message) => {
    expect(() => read(notifications)).toThrow(`Invalid config at ${message}`);
  });
});
