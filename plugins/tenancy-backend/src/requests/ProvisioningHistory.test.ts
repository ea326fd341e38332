import {
  catalogWith,
  fleetWith,
  databases,
  migrated,
  namespaceEntity,
  request,
  tenant,
} from './__testUtils__/provisioningFixtures';
import { ProvisioningHistory } from './ProvisioningHistory';

const types = (events: Array<{ type: string; at: string }>) =>
  events.map(e => `${e.type}@${e.at.slice(11, 19)}`);

describe.each(databases.eachSupportedId())('ProvisioningHistory on %s', id => {
  it('records a request from opened to ready once each, with the times the sources saw', async () => {
    // The plugin's start starts the watch.
    const history = await ProvisioningHistory.create(
      await migrated(id),
      new Date('2026-12-01T09:00:00Z'),
    );
    const before = await catalogWith([tenant]);
    const none = new Map<string, string>();

    const opened = await history.record({
      listed: [request()],
      refused: none,
      catalog: before,
      now: new Date('2026-12-01T10:01:00Z'),
    });
    expect(types(opened)).toEqual(['opened@10:00:00']);
    expect(opened[0].request).toMatchObject({
      tenant: 'payments',
      kind: 'create',
      namespace: 'payments-dev',
      requestedBy: 'user:default/jane',
    });

    // Changed by its requester, then in conflict with the base branch.
    const changed = request({
      fingerprint: 'f2',
      updatedAt: '2026-12-01T10:05:00.000Z',
    });
    const refused = new Map([[changed.branch, 'tenant.yaml spec.x: both']]);
    const later = await history.record({
      listed: [changed],
      refused,
      catalog: before,
      now: new Date('2026-12-01T10:06:00Z'),
    });
    expect(types(later)).toEqual(['updated@10:05:00', 'refused@10:06:00']);
    expect(later[1]).toMatchObject({
      reason: 'conflict',
      detail: 'tenant.yaml spec.x: both',
    });
    // The same state again is nothing new.
    await expect(
      history.record({
        listed: [changed],
        refused,
        catalog: before,
        now: new Date('2026-12-01T10:07:00Z'),
      }),
    ).resolves.toEqual([]);

    // Merged; the catalog has the namespace, the cluster not yet.
    const merged = request({
      state: 'merged',
      fingerprint: 'f2',
      updatedAt: '2026-12-01T10:20:00.000Z',
    });
    const after = await catalogWith([tenant, namespaceEntity]);
    const mergedEvents = await history.record({
      listed: [merged],
      refused: none,
      catalog: after,
      fleet: fleetWith(undefined, [], {
        kubernetes: '2026-12-01T10:20:30.000Z',
        argocd: '2026-12-01T10:20:30.000Z',
      }),
      now: new Date('2026-12-01T10:21:00Z'),
    });
    expect(types(mergedEvents)).toEqual(['merged@10:20:00']);
    expect(mergedEvents[0].request).toMatchObject({
      environment: 'dev',
      cluster: 'cluster-1',
      partRef: 'resource:default/payments-dev',
    });

    // Active on its cluster, its application still syncing: not ready.
    const active = await history.record({
      listed: [merged],
      refused: none,
      catalog: after,
      fleet: fleetWith(
        'Active',
        [{ sync: 'OutOfSync', health: 'Progressing' }],
        {
          kubernetes: '2026-12-01T10:24:00.000Z',
          argocd: '2026-12-01T10:24:10.000Z',
        },
      ),
      now: new Date('2026-12-01T10:25:00Z'),
    });
    expect(types(active)).toEqual(['active@10:24:00']);

    const ready = await history.record({
      listed: [merged],
      refused: none,
      catalog: after,
      fleet: fleetWith('Active', [{ sync: 'Synced', health: 'Healthy' }], {
        kubernetes: '2026-12-01T10:29:00.000Z',
        argocd: '2026-12-01T10:28:30.000Z',
      }),
      now: new Date('2026-12-01T10:30:00Z'),
    });
    expect(types(ready)).toEqual([
      'synced@10:28:30',
      'healthy@10:28:30',
      'ready@10:28:30',
    ]);
    expect(ready[2].detail).toBe('synced and healthy in Argo CD');

    const { requests, events } = await history.read('2026-11-01T00:00:00Z');
    expect(requests).toHaveLength(1);
    expect(events.map(e => e.type).sort()).toEqual([
      'active',
      'healthy',
      'merged',
      'opened',
      'ready',
      'refused',
      'synced',
      'updated',
    ]);
    await expect(history.openCount()).resolves.toBe(0);
  });

  it('on a Flux cluster, is ready once the Flux objects deploying into the namespace are Ready', async () => {
    const history = await ProvisioningHistory.create(
      await migrated(id),
      new Date('2026-12-01T09:00:00Z'),
    );
    const after = await catalogWith([tenant, namespaceEntity]);
    const merged = request({
      state: 'merged',
      updatedAt: '2026-12-01T10:20:00.000Z',
    });
    const record = (
      flux: Parameters<typeof fleetWith>[3],
      at: string,
      now: string,
      // null: the Flux source never succeeded
      fluxAt: string | null = at,
    ) =>
      history.record({
        listed: [merged],
        refused: new Map(),
        catalog: after,
        // No Argo CD application: Flux alone decides.
        fleet: fleetWith(
          'Active',
          [],
          { kubernetes: at, argocd: at, flux: fluxAt ?? undefined },
          flux,
        ),
        now: new Date(now),
      });

    // The Flux objects never read yet: active, not ready.
    const unread = await record(
      ['ready', 'ready'],
      '2026-12-01T10:22:00.000Z',
      '2026-12-01T10:23:00Z',
      null,
    );
    expect(types(unread)).toEqual([
      'opened@10:00:00',
      'merged@10:20:00',
      'active@10:22:00',
    ]);

    // Active, the tenant's Kustomization Ready, its HelmRelease failing.
    const failing = await record(
      ['ready', 'failed'],
      '2026-12-01T10:24:00.000Z',
      '2026-12-01T10:25:00Z',
    );
    expect(types(failing)).toEqual([]);

    // A suspended HelmRelease neither makes nor blocks it.
    const ready = await record(
      ['ready', 'suspended'],
      '2026-12-01T10:29:00.000Z',
      '2026-12-01T10:30:00Z',
    );
    expect(types(ready)).toEqual([
      'synced@10:29:00',
      'healthy@10:29:00',
      'ready@10:29:00',
    ]);
    expect(ready[2].detail).toBe('applied and Ready in Flux');
  });

  it('records history from before its first run without announcing it, nor watching old merges', async () => {
    const history = await ProvisioningHistory.create(
      await migrated(id),
      new Date('2026-12-01T10:00:00Z'),
    );
    const catalog = await catalogWith([tenant, namespaceEntity]);
    const old = request({
      state: 'merged',
      updatedAt: '2026-11-20T10:00:00.000Z',
      createdAt: '2026-11-20T09:00:00.000Z',
    });
    const closed = request({
      number: 8,
      branch: 'tenancy/payments/payments-dev-delete',
      state: 'closed',
      createdAt: '2026-12-01T09:30:00.000Z',
      updatedAt: '2026-12-01T10:10:00.000Z',
    });
    const events = await history.record({
      listed: [old, closed],
      refused: new Map(),
      catalog,
      fleet: fleetWith('Active', [], {
        kubernetes: '2026-12-01T10:00:00.000Z',
        argocd: '2026-12-01T10:00:00.000Z',
      }),
      now: new Date('2026-12-01T10:00:00Z'),
    });
    // The closure happened after the watch started; the rest before.
    expect(types(events)).toEqual(['closed@10:10:00']);
    expect(events[0]).toMatchObject({ reason: 'closed-without-merge' });
    expect(events[0].request).toMatchObject({
      kind: 'delete',
      namespace: 'payments-dev',
    });
    const { events: all } = await history.read('2026-11-01T00:00:00Z');
    expect(all.map(e => `${e.requestId} ${e.type}`).sort()).toEqual([
      '7:tenancy/payments/payments-dev merged',
      '7:tenancy/payments/payments-dev opened',
      '8:tenancy/payments/payments-dev-delete closed',
      '8:tenancy/payments/payments-dev-delete opened',
    ]);
  });

  it('records each event once between replicas sharing the database', async () => {
    const db = await migrated(id);
    const started = new Date('2026-12-01T09:00:00Z');
    const first = await ProvisioningHistory.create(db, started);
    // A replica started later keeps the watch of the first.
    const second = await ProvisioningHistory.create(db);
    const catalog = await catalogWith([tenant]);
    const options = { refused: new Map<string, string>(), catalog };
    const listed = [
      request(),
      request({ number: 9, branch: 'tenancy/payments/payments-prod' }),
    ];
    const later = { ...options, listed, now: new Date('2026-12-01T10:01:00Z') };
    expect(await first.record(later)).toHaveLength(2);
    await expect(second.record(later)).resolves.toEqual([]);
    await expect(second.openCount()).resolves.toBe(2);
    // A branch of another shape is not a provisioning request.
    await expect(
      first.record({
        ...later,
        listed: [request({ number: 10, branch: 'tenancy/x' })],
      }),
    ).resolves.toEqual([]);
  });
});
