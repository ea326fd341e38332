import { parseEntityRef } from '@backstage/catalog-model';
import { entityPath } from '../notifications/entityPath';
import { TenancyNotice } from '../notifications/TenancyNotifier';
import { TenancyNotificationKind } from '../notifications/TenancyNotificationKind';
import { RecordedEvent } from './ProvisioningHistory';

const kindOf: Partial<Record<RecordedEvent['type'], TenancyNotificationKind>> =
  {
    opened: 'requestOpened',
    updated: 'requestUpdated',
    merged: 'requestMerged',
    closed: 'requestClosed',
    ready: 'ready',
  };

/**
 * The notification of a request's event, to its requester and the tenant's
 * owning group (`owner`, the Tenant's `spec.owner` as an entity ref): opened,
 * updated, merged, closed without merge, and ready with a link to the
 * namespace's or vCluster's page; the others link to the tenant's page.
 * Undefined for the events nobody is told of (refused, active, synced,
 * healthy: ready says it).
 */
export function requestNoticeOf(
  event: RecordedEvent,
  tenantRef: string,
  owner: string | undefined,
): TenancyNotice | undefined {
  const kind = kindOf[event.type];
  if (!kind) return undefined;
  const { request } = event;
  const recipients = [request.requestedBy, owner].filter(
    (r): r is string => !!r,
  );
  const base = {
    kind,
    recipients,
    key: `request:${request.id}:${event.key}`,
    link: entityPath(tenantRef),
  };
  const what = `#${request.number} ${request.title}`;
  switch (event.type) {
    case 'opened':
      return {
        ...base,
        title: `Request opened: ${request.title}`,
        description: `Request ${what} waits for review: ${request.url}`,
      };
    case 'updated':
      return {
        ...base,
        title: `Request updated: ${request.title}`,
        description: `Request ${what} was changed and waits for review again: ${request.url}`,
      };
    case 'merged':
      return {
        ...base,
        title: `Request merged: ${request.title}`,
        description: `Request ${what} was merged; the platform applies it now.`,
      };
    case 'closed':
      return {
        ...base,
        title: `Request closed without merge: ${request.title}`,
        description: `Request ${what} was closed without being merged: ${request.url}`,
        severity: 'high',
      };
    default: {
      const subject = request.partRef && parseEntityRef(request.partRef).name;
      return {
        ...base,
        title: `${subject ?? request.namespace} is ready`,
        description: `Requested in ${what}: active on ${request.cluster}${
          event.detail ? `, ${event.detail}` : ''
        }.`,
        link: request.partRef ? entityPath(request.partRef) : base.link,
      };
    }
  }
}
