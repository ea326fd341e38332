import { ConfigReader } from '@backstage/config';
import {
  catalogWith,
  fleetWith,
  migrated,
  namespaceEntity,
  tenant,
} from '../requests/__testUtils__/provisioningFixtures';
import { EntityApplications } from '../summary/EntityApplications';
import { failedFluxObjects } from './failedFluxObjects';
import { NotificationState } from './NotificationState';
import { readNotificationOptions } from './readNotificationOptions';

describe('failedFluxObjects', () => {
  it("tells a tenant's owners of a Flux object failing for degradedAfter, once per spell, linked to where it deploys", async () => {
    const state = new NotificationState(await migrated());
    const catalog = await catalogWith([tenant, namespaceEntity]);
    const options = readNotificationOptions(
      new ConfigReader({
        tenancy: { notifications: { degradedAfter: { minutes: 30 } } },
      }),
    );
    const at = '2026-12-01T10:00:00.000Z';
    const run = (flux: Parameters<typeof fleetWith>[3], now: string) =>
      failedFluxObjects({
        catalog,
        data: fleetWith(
          'Active',
          [],
          { kubernetes: at, argocd: at, flux: at },
          flux,
        ),
        state,
        options,
        applications: new EntityApplications(),
        now: new Date(now),
      });

    // The tenant's dev Kustomization and the namespace's HelmRelease fail.
    await expect(
      run(['failed', 'failed'], '2026-12-01T10:00:00Z'),
    ).resolves.toEqual([]);
    const told = await run(['failed', 'failed'], '2026-12-01T10:31:00Z');
    expect(told.map(n => [n.title, n.link, n.recipients, n.kind])).toEqual([
      [
        'Flux Kustomization tenancy-payments-dev has not been ready for 31 minutes',
        '/catalog/default/tenant/payments',
        ['group:default/team-payments'],
        'applicationDegraded',
      ],
      [
        'Flux HelmRelease api has not been ready for 31 minutes',
        '/catalog/default/resource/payments-dev',
        ['group:default/team-payments'],
        'applicationDegraded',
      ],
    ]);
    // Between retries a failing health check is progressing: the same spell.
    await run(['ready', 'progressing'], '2026-12-01T10:35:00Z');
    const still = await run(['ready', 'failed'], '2026-12-01T10:36:00Z');
    expect(still.map(n => n.key)).toEqual([told[1].key]);
    // Ready again, then failing anew: a new spell with a new key.
    await run(['ready', 'ready'], '2026-12-01T10:40:00Z');
    await run(['ready', 'failed'], '2026-12-01T10:45:00Z');
    const again = await run(['ready', 'failed'], '2026-12-01T11:20:00Z');
    expect(again).toHaveLength(1);
    expect(again[0].key).not.toBe(told[1].key);
    expect(again[0].title).toBe(
      'Flux HelmRelease api has not been ready for 35 minutes',
    );
  });
});
