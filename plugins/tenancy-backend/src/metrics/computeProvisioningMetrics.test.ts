import {
  ProvisioningEvent,
  ProvisioningRequestRecord,
} from '../requests/ProvisioningHistory';
import { computeProvisioningMetrics } from './computeProvisioningMetrics';

const minutes = (m: number) =>
  new Date(Date.UTC(2026, 11, 1) + m * 60_000).toISOString();

function history() {
  const requests: ProvisioningRequestRecord[] = [];
  const events: ProvisioningEvent[] = [];
  const add = (
    number: number,
    options: {
      tenant?: string;
      environment?: string;
      opened: number;
      merged?: number;
      ready?: number;
      closed?: number;
      refused?: string[];
      kind?: ProvisioningRequestRecord['kind'];
    },
  ) => {
    const id = `${number}:tenancy/${options.tenant ?? 'payments'}/ns-${number}`;
    let state: ProvisioningRequestRecord['state'] = 'open';
    if (options.merged !== undefined) state = 'merged';
    else if (options.closed !== undefined) state = 'closed';
    requests.push({
      id,
      number,
      branch: id.split(':')[1],
      title: `Request ${number}`,
      url: `https://git.example.com/pr/${number}`,
      tenant: options.tenant ?? 'payments',
      subject: `ns-${number}`,
      kind: options.kind ?? 'create',
      state,
      environment: options.environment,
      openedAt: minutes(options.opened),
    });
    const event = (type: ProvisioningEvent['type'], at: number, extra = {}) =>
      events.push({
        requestId: id,
        key: type,
        type,
        at: minutes(at),
        ...extra,
      });
    event('opened', options.opened);
    if (options.merged !== undefined) event('merged', options.merged);
    if (options.ready !== undefined) event('ready', options.ready);
    if (options.closed !== undefined)
      event('closed', options.closed, { reason: 'closed-without-merge' });
    for (const [i, detail] of (options.refused ?? []).entries()) {
      events.push({
        requestId: id,
        key: `refused:${i}`,
        type: 'refused',
        at: minutes(options.opened + i + 1),
        reason: 'conflict',
        detail,
      });
    }
  };
  return { requests, events, add };
}

const visibleTenants =
  (...names: string[]) =>
  (tenant: string) =>
    names.includes(tenant) ? `tenant:default/${tenant}` : undefined;

describe('computeProvisioningMetrics', () => {
  it('answers lead times per environment and week, the slowest open requests, outcomes and the SLA share', () => {
    const h = history();
    // Week of Monday 30 November: three creations in dev, one in prod.
    h.add(1, { environment: 'dev', opened: 0, merged: 10, ready: 15 });
    h.add(2, { environment: 'dev', opened: 0, merged: 20, ready: 40 });
    h.add(3, { environment: 'dev', opened: 0, merged: 30, ready: 36 });
    h.add(4, { environment: 'prod', opened: 60, merged: 120 });
    // The next week: closed without merge, and one still open after two conflicts.
    h.add(5, { opened: 7 * 1440, closed: 7 * 1440 + 5 });
    h.add(6, { opened: 7 * 1440 + 10, refused: ['a: both', 'b: both'] });
    h.add(7, { opened: 7 * 1440 + 20 });
    // Another team's request is not the caller's to see.
    h.add(8, {
      tenant: 'search',
      environment: 'dev',
      opened: 0,
      merged: 1,
      ready: 2,
    });

    const metrics = computeProvisioningMetrics({
      requests: h.requests,
      events: h.events,
      tenantRef: visibleTenants('payments'),
      slaMinutes: 10,
      watchingSince: minutes(-1),
      windowStart: minutes(-1440),
      now: new Date(minutes(7 * 1440 + 80)),
    });

    expect(metrics.leadTimes.toReady).toEqual({
      count: 3,
      medianSeconds: 36 * 60,
      p90Seconds: 40 * 60,
      maxSeconds: 40 * 60,
    });
    expect(metrics.leadTimes.toMerged.count).toBe(4);
    expect(
      metrics.byEnvironment.map(e => [
        e.environment,
        e.leadTimes.toMerged.count,
        e.leadTimes.toReady.medianSeconds,
      ]),
    ).toEqual([
      ['dev', 3, 36 * 60],
      ['prod', 1, undefined],
      [undefined, 0, undefined],
    ]);
    expect(
      metrics.byWeek.map(w => [w.week, w.leadTimes.toMerged.count]),
    ).toEqual([
      ['2026-11-30', 4],
      ['2026-12-07', 0],
    ]);
    // Oldest first, with the last conflict.
    expect(metrics.open.map(o => [o.number, o.ageSeconds, o.refusal])).toEqual([
      [6, 70 * 60, 'b: both'],
      [7, 60 * 60, undefined],
    ]);
    expect(metrics.openCount).toBe(2);
    expect(metrics.outcomes).toEqual([
      { outcome: 'failed', reason: 'closed-without-merge', count: 1 },
      { outcome: 'refused', reason: 'conflict', count: 1 },
    ]);
    // Ready within 10 minutes of merge: #1 (5) and #3 (6), not #2 (20); #4
    // is past its target without being ready.
    expect(metrics.sla).toEqual({
      targetMinutes: 10,
      measured: 4,
      withinTarget: 2,
      share: 0.5,
    });
    expect(metrics.requests.map(r => r.number)).toEqual([7, 6, 5, 4, 1, 2, 3]);
    expect(metrics.requests.find(r => r.number === 2)).toMatchObject({
      tenant: 'tenant:default/payments',
      toMergedSeconds: 1200,
      toReadySeconds: 2400,
    });
  });

  it('measures no SLA of merges before the history watched, nor of requests still within the target', () => {
    const h = history();
    h.add(1, { environment: 'dev', opened: 0, merged: 10 });
    h.add(2, { environment: 'dev', opened: 20, merged: 30 });
    const metrics = computeProvisioningMetrics({
      requests: h.requests,
      events: h.events,
      tenantRef: visibleTenants('payments'),
      slaMinutes: 10,
      watchingSince: minutes(15),
      windowStart: minutes(-1440),
      now: new Date(minutes(35)),
    });
    expect(metrics.sla).toEqual({
      targetMinutes: 10,
      measured: 0,
      withinTarget: 0,
    });
    expect(metrics.leadTimes.toReady).toEqual({ count: 0 });
  });
});
