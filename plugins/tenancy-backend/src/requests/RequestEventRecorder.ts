import { LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { PublishedRequest } from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { TenancyCatalogIndex } from '../catalog/TenancyCatalogIndex';
import { ProvisioningTelemetry } from '../metrics/ProvisioningTelemetry';
import { TenancyNotifier } from '../notifications/TenancyNotifier';
import { SnapshotReader } from '../snapshots/SnapshotReader';
import { ProvisioningHistory } from './ProvisioningHistory';
import { RequestOutcomeAuditor } from './RequestOutcomeAuditor';
import { requestNoticeOf } from './requestNoticeOf';
import { tenantNamed } from './tenantNamed';

/**
 * What the requests task sees, recorded once in the provisioning history and
 * announced from there, so the history, the notifications, the audit log and
 * the metrics agree: each new event is sent to the requester and the
 * tenant's owning group, merges and closures are audited, lead times and
 * refusals are counted.
 */
export class RequestEventRecorder {
  constructor(
    private readonly deps: {
      history: ProvisioningHistory;
      catalogIndex: TenancyCatalogIndex;
      snapshots: SnapshotReader;
      notifier: TenancyNotifier;
      outcomes: RequestOutcomeAuditor;
      telemetry: ProvisioningTelemetry;
      logger: LoggerService;
    },
  ) {}

  async observe(listed: PublishedRequest[], refused: Map<string, string>) {
    const { history, notifier, outcomes, telemetry } = this.deps;
    const [catalog, fleet] = await Promise.all([
      this.deps.catalogIndex.current(),
      this.deps.snapshots.current(),
    ]);
    const events = await history.record({ listed, refused, catalog, fleet });
    for (const event of events) {
      const tenant = tenantNamed(catalog, event.request.tenant);
      const tenantRef = tenant
        ? stringifyEntityRef(tenant)
        : `tenant:default/${event.request.tenant}`;
      const owner =
        tenant &&
        stringifyEntityRef(
          parseEntityRef(tenant.spec.owner, {
            defaultKind: 'group',
            defaultNamespace: tenant.metadata.namespace ?? 'default',
          }),
        );
      telemetry.record(event);
      try {
        await outcomes.audit(event, tenantRef);
        const notice = requestNoticeOf(event, tenantRef, owner);
        if (notice) await notifier.notify(notice);
      } catch (error) {
        this.deps.logger.warn(
          `Could not announce the ${event.type} event of request #${event.request.number}: ${error}`,
        );
      }
    }
  }
}
