import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { Knex } from 'knex';
import { migrateDatabase } from '../database/migrateDatabase';
import { TenancyNotice, TenancyNotifier } from './TenancyNotifier';

// PostgreSQL where scripts/test-services.sh gives one (as `.ci/run` does).
const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

function notifierWith(
  db: Knex,
  tenancy: object = {},
): { notifier: TenancyNotifier; send: jest.Mock } {
  const send = jest.fn().mockResolvedValue(undefined);
  const notifications: NotificationService = { send };
  const notifier = TenancyNotifier.fromConfig(
    new ConfigReader({ tenancy: { notifications: tenancy } }),
    { notifications, database: db, logger: mockServices.logger.mock() },
  );
  return { notifier, send };
}

const notice: TenancyNotice = {
  kind: 'quotaWarning',
  recipients: ['group:default/team-payments', 'user:default/jane'],
  title: 'payments-dev is past 80% of its cpu quota',
  description: 'requests.cpu: 9 of 10 used',
  link: '/catalog/default/namespace/payments-dev',
  key: 'quotaWarning:payments-dev:requests.cpu:1',
  severity: 'high',
};

describe.each(databases.eachSupportedId())('TenancyNotifier on %s', id => {
  const migrated = async (): Promise<Knex> => {
    const knex = await databases.init(id as TestDatabaseId);
    return migrateDatabase({ getClient: async () => knex });
  };

  it('sends a notice to its recipients as an app notification', async () => {
    const { notifier, send } = notifierWith(await migrated());

    await expect(notifier.notify(notice)).resolves.toBe(true);

    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({
      recipients: {
        type: 'entity',
        entityRef: ['group:default/team-payments', 'user:default/jane'],
      },
      payload: {
        title: 'payments-dev is past 80% of its cpu quota',
        description: 'requests.cpu: 9 of 10 used',
        link: '/catalog/default/namespace/payments-dev',
        severity: 'high',
        topic: 'tenancy',
        scope: 'quotaWarning:payments-dev:requests.cpu:1',
      },
    });
  });

  it('sends a key once, also between notifiers sharing the database', async () => {
    const db = await migrated();
    const first = notifierWith(db);
    const second = notifierWith(db);

    const sent = await Promise.all([
      first.notifier.notify(notice),
      second.notifier.notify(notice),
      first.notifier.notify(notice),
    ]);
    await expect(second.notifier.notify(notice)).resolves.toBe(false);

    expect(sent.filter(Boolean)).toHaveLength(1);
    expect(first.send.mock.calls.length + second.send.mock.calls.length).toBe(
      1,
    );
    // Another key is another event.
    await expect(
      first.notifier.notify({ ...notice, key: `${notice.key}-again` }),
    ).resolves.toBe(true);
  });

  it('sends nothing of a kind switched off in config', async () => {
    const { notifier, send } = notifierWith(await migrated(), {
      kinds: { quotaWarning: false, drift: true },
    });

    expect(notifier.enabled('quotaWarning')).toBe(false);
    expect(notifier.enabled('drift')).toBe(true);
    expect(notifier.enabled('requestMerged')).toBe(true);
    await expect(notifier.notify(notice)).resolves.toBe(false);
    expect(send).not.toHaveBeenCalled();
    await expect(
      notifier.notify({ ...notice, kind: 'drift', key: 'drift:1' }),
    ).resolves.toBe(true);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('sends nothing, and claims no key, without recipients', async () => {
    const { notifier, send } = notifierWith(await migrated());

    await expect(notifier.notify({ ...notice, recipients: [] })).resolves.toBe(
      false,
    );
    expect(send).not.toHaveBeenCalled();
    await expect(notifier.notify(notice)).resolves.toBe(true);
  });

  it('releases the key when sending fails, so a later call sends it', async () => {
    const { notifier, send } = notifierWith(await migrated());
    send.mockRejectedValueOnce(new Error('notifications backend unavailable'));

    await expect(notifier.notify(notice)).resolves.toBe(false);
    await expect(notifier.notify(notice)).resolves.toBe(true);
    await expect(notifier.notify(notice)).resolves.toBe(false);
    expect(send).toHaveBeenCalledTimes(2);
  });
});
