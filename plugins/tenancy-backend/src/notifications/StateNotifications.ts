import { LoggerService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { TenancyCatalogIndex } from '../catalog/TenancyCatalogIndex';
import { SnapshotReader } from '../snapshots/SnapshotReader';
import { EntityApplications } from '../summary/EntityApplications';
import { costOverBudget } from './costOverBudget';
import { degradedApplications } from './degradedApplications';
import { driftNotices } from './driftNotices';
import { failedFluxObjects } from './failedFluxObjects';
import { failingSources } from './failingSources';
import { NotificationState } from './NotificationState';
import { policyFailureNotices } from './policyFailureNotices';
import { quotaWarnings } from './quotaWarnings';
import { Config } from '@backstage/config';
import {
  NotificationOptions,
  readNotificationOptions,
} from './readNotificationOptions';
import { StateContext } from './StateContext';
import { TenancyNotificationKind } from './TenancyNotificationKind';
import { TenancyNotice, TenancyNotifier } from './TenancyNotifier';

const kinds: Array<
  [TenancyNotificationKind, (ctx: StateContext) => Promise<TenancyNotice[]>]
> = [
  ['quotaWarning', quotaWarnings],
  ['applicationDegraded', degradedApplications],
  ['applicationDegraded', failedFluxObjects],
  ['costOverBudget', costOverBudget],
  ['sourceFailing', failingSources],
  ['drift', driftNotices],
  ['policyFailures', policyFailureNotices],
];

/**
 * The notifications of the fleet's state, worked out after each refresh
 * from the stored snapshots and the catalog (no upstream call of their
 * own): quota warnings, degraded Argo CD applications, failing Flux
 * objects and costs over budget to a tenant's owners; failing sources,
 * drift and policy failures to the platform team. Each event is sent once (the notifier's keys); what is
 * needed between refreshes is in the plugin's database, so any replica can
 * run the next one.
 */
export class StateNotifications {
  private readonly state: NotificationState;
  private readonly applications = new EntityApplications();

  private constructor(
    private readonly deps: {
      options: NotificationOptions;
      notifier: TenancyNotifier;
      database: Knex;
      catalogIndex: TenancyCatalogIndex;
      reader: SnapshotReader;
      logger: LoggerService;
    },
  ) {
    this.state = new NotificationState(deps.database);
    if (!deps.options.platformGroup) {
      deps.logger.info(
        'Tenancy: tenancy.notifications.platformGroup is not set, so no notifications of failing sources, drift or policy failures are sent',
      );
    }
  }

  /** `tenancy.notifications` gives the durations, budgets and platform group. */
  static fromConfig(
    config: Config,
    deps: Omit<StateNotifications['deps'], 'options'>,
  ): StateNotifications {
    return new StateNotifications({
      ...deps,
      options: readNotificationOptions(config),
    });
  }

  /** Sends what the last refresh brought about; a kind that fails is logged and leaves the others be. */
  async run(now = new Date()): Promise<void> {
    const { notifier, logger } = this.deps;
    const [catalog, data] = await Promise.all([
      this.deps.catalogIndex.current(),
      this.deps.reader.latest(),
    ]);
    const ctx: StateContext = {
      catalog,
      data,
      state: this.state,
      options: this.deps.options,
      applications: this.applications,
      now,
    };
    for (const [kind, notices] of kinds) {
      if (!notifier.enabled(kind)) continue;
      try {
        for (const notice of await notices(ctx)) {
          await notifier.notify(notice);
        }
      } catch (error) {
        logger.warn(`Tenancy: ${kind} notifications failed: ${error}`);
      }
    }
  }
}
