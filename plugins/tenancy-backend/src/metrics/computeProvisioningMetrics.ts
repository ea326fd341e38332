import { TenancyApiComponents } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import {
  ProvisioningEvent,
  ProvisioningRequestRecord,
} from '../requests/ProvisioningHistory';

type Schemas = TenancyApiComponents['schemas'];
type LeadTimeDistribution = Schemas['LeadTimeDistribution'];
type LeadTimes = Schemas['LeadTimes'];
type ProvisioningOutcomeCount = Schemas['ProvisioningOutcomeCount'];
type ProvisioningRequestTimes = Schemas['ProvisioningRequestTimes'];
/** The answer of `GET /v1/provisioning/metrics`. */
export type ProvisioningMetricsResponse =
  Schemas['ProvisioningMetricsResponse'];

const MAX_REQUESTS = 100;
const MAX_OPEN = 20;
const DAY_MS = 86_400_000;

const seconds = (from: string, to: string) =>
  Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));

/** Nearest-rank percentile of sorted values. */
const percentile = (sorted: number[], p: number) =>
  sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];

function distribution(values: number[]): LeadTimeDistribution {
  if (values.length === 0) return { count: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    medianSeconds: percentile(sorted, 0.5),
    p90Seconds: percentile(sorted, 0.9),
    maxSeconds: sorted[sorted.length - 1],
  };
}

function leadTimes(requests: ProvisioningRequestTimes[]): LeadTimes {
  const values = (pick: (r: ProvisioningRequestTimes) => number | undefined) =>
    requests.map(pick).filter((v): v is number => v !== undefined);
  return {
    toMerged: distribution(values(r => r.toMergedSeconds)),
    toReady: distribution(values(r => r.toReadySeconds)),
  };
}

/** The Monday (UTC) of a time's week, as a date. */
function weekOf(time: string): string {
  const day = new Date(time.slice(0, 10));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY_MS)
    .toISOString()
    .slice(0, 10);
}

function groupBy<T>(items: T[], key: (item: T) => string | undefined) {
  const groups = new Map<string | undefined, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

/**
 * The provisioning metrics of the history's requests and events: lead times
 * (opened to merged, opened to ready) overall, per environment and per week
 * of opening, the open requests oldest first, refusals and failures by
 * reason, and the share of creations ready within `slaMinutes` of their
 * merge. `tenantRef` answers the entity ref of a request's tenant when the
 * caller may see it, undefined when not: those requests are left out.
 */
export function computeProvisioningMetrics(options: {
  requests: ProvisioningRequestRecord[];
  events: ProvisioningEvent[];
  tenantRef: (tenant: string) => string | undefined;
  slaMinutes: number;
  watchingSince?: string;
  windowStart: string;
  now: Date;
}): ProvisioningMetricsResponse {
  const { now, slaMinutes, watchingSince, windowStart } = options;
  const nowIso = now.toISOString();
  const eventsOf = groupBy(options.events, e => e.requestId);
  const at = (id: string, type: ProvisioningEvent['type']) =>
    eventsOf.get(id)?.find(e => e.type === type)?.at;

  // What every request of the answer says of itself.
  const visible = options.requests.flatMap(request => {
    const tenant = options.tenantRef(request.tenant);
    if (!tenant || !request.openedAt) return [];
    const shown = {
      number: request.number,
      title: request.title,
      url: request.url,
      tenant,
      kind: request.kind,
      environment: request.environment,
      requestedBy: request.requestedBy,
      openedAt: request.openedAt,
    };
    return [{ request, shown }];
  });

  const times: ProvisioningRequestTimes[] = visible
    .filter(({ shown }) => shown.openedAt >= windowStart)
    .map(({ request, shown }) => {
      const { openedAt } = shown;
      const mergedAt = at(request.id, 'merged');
      const readyAt = at(request.id, 'ready');
      return {
        ...shown,
        state: request.state,
        cluster: request.cluster,
        namespace: request.namespace,
        mergedAt,
        closedAt: at(request.id, 'closed'),
        readyAt,
        toMergedSeconds: mergedAt ? seconds(openedAt, mergedAt) : undefined,
        toReadySeconds: readyAt ? seconds(openedAt, readyAt) : undefined,
      };
    })
    .sort((a, b) => b.openedAt.localeCompare(a.openedAt));

  const byEnvironment = [...groupBy(times, r => r.environment)]
    .sort(([a], [b]) => (a ?? '\uffff').localeCompare(b ?? '\uffff'))
    .map(([environment, group]) => ({
      environment,
      leadTimes: leadTimes(group),
    }));
  const byWeek = [...groupBy(times, r => weekOf(r.openedAt))]
    .map(([week, group]) => ({ week: week!, leadTimes: leadTimes(group) }))
    .sort((a, b) => a.week.localeCompare(b.week));

  const openRequests = visible
    .filter(({ request }) => request.state === 'open')
    .sort((a, b) => a.shown.openedAt.localeCompare(b.shown.openedAt));
  const open = openRequests.slice(0, MAX_OPEN).map(({ request, shown }) => {
    const refusals = (eventsOf.get(request.id) ?? []).filter(
      e => e.type === 'refused',
    );
    return {
      ...shown,
      ageSeconds: seconds(shown.openedAt, nowIso),
      refusal: refusals.sort((a, b) => b.at.localeCompare(a.at))[0]?.detail,
    };
  });

  // Each request counts once per outcome and reason (a request refused for
  // two conflicts in turn is one refusal).
  const counted = new Map<string, ProvisioningOutcomeCount>();
  for (const { request, shown } of visible) {
    if (shown.openedAt < windowStart) continue;
    const pairs = new Set(
      (eventsOf.get(request.id) ?? []).flatMap(e =>
        e.reason && (e.type === 'refused' || e.type === 'closed')
          ? [`${e.type === 'refused' ? 'refused' : 'failed'} ${e.reason}`]
          : [],
      ),
    );
    for (const pair of pairs) {
      const [outcome, reason] = pair.split(' ') as [
        'refused' | 'failed',
        string,
      ];
      const entry = counted.get(pair) ?? { outcome, reason, count: 0 };
      entry.count += 1;
      counted.set(pair, entry);
    }
  }
  const outcomes = [...counted.values()].sort(
    (a, b) => b.count - a.count || a.reason.localeCompare(b.reason),
  );

  const targetSeconds = slaMinutes * 60;
  let measured = 0;
  let withinTarget = 0;
  for (const r of times) {
    if (r.kind !== 'create' || !r.mergedAt) continue;
    if (!watchingSince || r.mergedAt <= watchingSince) continue;
    const wait = seconds(r.mergedAt, r.readyAt ?? nowIso);
    if (!r.readyAt && wait <= targetSeconds) continue;
    measured += 1;
    if (r.readyAt && wait <= targetSeconds) withinTarget += 1;
  }

  return {
    generatedAt: nowIso,
    since: windowStart,
    watchingSince,
    leadTimes: leadTimes(times),
    byEnvironment,
    byWeek,
    requests: times.slice(0, MAX_REQUESTS),
    open,
    openCount: openRequests.length,
    outcomes,
    sla: {
      targetMinutes: slaMinutes,
      measured,
      withinTarget,
      share: measured ? withinTarget / measured : undefined,
    },
  };
}
