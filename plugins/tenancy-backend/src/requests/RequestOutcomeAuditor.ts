import { AuditorService } from '@backstage/backend-plugin-api';
import { RecordedEvent } from './ProvisioningHistory';

/**
 * Emits a `provisioning-request-outcome` audit event when a provisioning
 * request is merged or closed on the GitOps repository (by a reviewer, on the
 * forge or with `yarn gitops:merge`), which no tenancy code runs: it is told
 * the provisioning history's new events, each recorded once across replicas
 * and restarts, so each outcome is audited once.
 */
export class RequestOutcomeAuditor {
  constructor(private readonly auditor: AuditorService) {}

  async audit(event: RecordedEvent, tenantRef: string) {
    if (event.type !== 'merged' && event.type !== 'closed') return;
    const { request } = event;
    const audit = await this.auditor.createEvent({
      eventId: 'provisioning-request-outcome',
      severityLevel: 'medium',
      meta: {
        outcome: event.type,
        requestNumber: request.number,
        requestUrl: request.url,
        branch: request.branch,
        tenant: tenantRef,
        title: request.title,
        requestedBy: request.requestedBy ?? null,
        at: event.at,
      },
    });
    await audit.success();
  }
}
