import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { createHash, randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { readNotificationOptions } from './readNotificationOptions';
import { TenancyNotificationKind } from './TenancyNotificationKind';

export type { TenancyNotificationKind } from './TenancyNotificationKind';

/** One event to tell users and groups about. */
export interface TenancyNotice {
  kind: TenancyNotificationKind;
  /** Entity refs of users and groups, e.g. user:default/jane, group:default/team-payments. */
  recipients: string[];
  title: string;
  description?: string;
  /** A path of the app, e.g. /catalog/default/namespace/payments-dev. */
  link?: string;
  /** Identifies the event: a key already sent is never sent again (across replicas and restarts). */
  key: string;
  severity?: 'low' | 'normal' | 'high' | 'critical';
}

const table = 'tenancy_notifications_sent';

/**
 * Sends the tenancy backend's notifications through the app's notifications
 * service, each event once: the event's key is claimed in the plugin's
 * database (a unique key, insert-if-absent) before it is sent, so of several
 * replicas that see the same event only the one that claimed it sends it.
 */
export class TenancyNotifier {
  private constructor(
    private readonly off: ReadonlySet<TenancyNotificationKind>,
    private readonly notifications: NotificationService,
    private readonly db: Knex,
    private readonly logger: LoggerService,
  ) {}

  /**
   * The kinds switched off are `tenancy.notifications.kinds.<kind>: false`;
   * `database` is the plugin's client, migrated (`migrateDatabase`).
   */
  static fromConfig(
    config: Config,
    deps: {
      notifications: NotificationService;
      database: Knex;
      logger: LoggerService;
    },
  ): TenancyNotifier {
    return new TenancyNotifier(
      readNotificationOptions(config).off,
      deps.notifications,
      deps.database,
      deps.logger,
    );
  }

  /** False when the kind is switched off in config. */
  enabled(kind: TenancyNotificationKind): boolean {
    return !this.off.has(kind);
  }

  /**
   * Sends unless the kind is off or the key was sent before; true when sent.
   * Also false when there is no recipient, or when sending failed: that is
   * logged, and the key is released so that a later call sends it.
   */
  async notify(notice: TenancyNotice): Promise<boolean> {
    const recipients = [...new Set(notice.recipients)];
    if (!this.enabled(notice.kind) || recipients.length === 0) return false;
    const keyHash = createHash('sha256').update(notice.key).digest('hex');
    // Insert-if-absent, then read back whose row it is: portable over the
    // databases Backstage runs on, and atomic on the unique key.
    const claim = randomUUID();
    await this.db(table)
      .insert({ key_hash: keyHash, key: notice.key, kind: notice.kind, claim })
      .onConflict('key_hash')
      .ignore();
    const row = await this.db(table)
      .where({ key_hash: keyHash })
      .first('claim');
    if (row?.claim !== claim) return false;
    try {
      await this.notifications.send({
        recipients: { type: 'entity', entityRef: recipients },
        payload: {
          title: notice.title,
          description: notice.description,
          link: notice.link,
          severity: notice.severity ?? 'normal',
          topic: 'tenancy',
          scope: notice.key,
        },
      });
      return true;
    } catch (error) {
      await this.db(table).where({ key_hash: keyHash, claim }).delete();
      this.logger.warn(
        `Tenancy: could not send the ${notice.kind} notification ${notice.key}, will try again: ${error}`,
      );
      return false;
    }
  }
}
