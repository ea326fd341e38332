import { AuditorService, CacheService } from '@backstage/backend-plugin-api';
import { PublishedRequest } from '@tenancy-plugins/backstage-plugin-tenancy-node';

const SINCE_KEY = 'v1:request-outcomes:since';
const stateKey = (r: PublishedRequest) =>
  `v1:request-outcomes:${r.number}:${r.branch}`;
/** A state is remembered long after its request is closed or merged. */
const TTL = { days: 90 };

/**
 * Emits a `provisioning-request-outcome` audit event when a provisioning
 * request is merged or closed on the GitOps repository (by a reviewer, on the
 * forge or with `yarn gitops:merge`), which no tenancy code runs: it compares
 * the requests it is shown on each pass with the states it saw before, kept
 * in the shared cache so one event is emitted across replicas and restarts.
 * A request it never saw open counts when it changed after the first pass,
 * so one opened and merged between two passes is not missed, and the
 * history before the first pass is not replayed.
 */
export class RequestOutcomeAuditor {
  constructor(
    private readonly cache: CacheService,
    private readonly auditor: AuditorService,
  ) {}

  async observe(requests: PublishedRequest[], now = new Date()) {
    let since = (await this.cache.get(SINCE_KEY)) as string | undefined;
    if (!since) {
      since = now.toISOString();
      await this.cache.set(SINCE_KEY, since, { ttl: TTL });
    }
    for (const request of requests) {
      const seen = (await this.cache.get(stateKey(request))) as
        | string
        | undefined;
      if (seen === request.state) continue;
      await this.cache.set(stateKey(request), request.state, { ttl: TTL });
      if (request.state === 'open') continue;
      const changedSince =
        seen === 'open' ||
        (seen === undefined && (request.updatedAt ?? '') > since);
      if (!changedSince) continue;
      const event = await this.auditor.createEvent({
        eventId: 'provisioning-request-outcome',
        severityLevel: 'medium',
        meta: {
          outcome: request.state,
          requestNumber: request.number,
          requestUrl: request.url,
          branch: request.branch,
          tenant: tenantOfBranch(request.branch),
          title: request.title,
          requestedBy: request.requestedBy ?? null,
          at: request.updatedAt ?? null,
        },
      });
      await event.success();
    }
  }
}

/** `tenancy/<tenant>/<subject>` → `tenant:default/<tenant>`. */
function tenantOfBranch(branch: string): string | null {
  const [, tenant] = branch.split('/');
  return tenant ? `tenant:default/${tenant}` : null;
}
