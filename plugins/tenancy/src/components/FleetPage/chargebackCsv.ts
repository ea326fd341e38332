import { FleetResponse } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { toCsv } from '../shared/toCsv';

/**
 * The chargeback file: one line per cost center and tenant, so FinOps can
 * sum by either, with the window and currency on every line.
 */
export function chargebackCsv(fleet: FleetResponse): string {
  const rows = [...fleet.items].sort(
    (a, b) =>
      a.costCenter.localeCompare(b.costCenter) || a.name.localeCompare(b.name),
  );
  return toCsv(rows, [
    { header: 'cost_center', value: t => t.costCenter },
    { header: 'tenant', value: t => t.entityRef },
    { header: 'owner', value: t => t.owner },
    { header: 'window', value: () => fleet.window },
    { header: 'currency', value: () => fleet.currency },
    {
      header: 'cost',
      value: t => (t.cost === undefined ? undefined : t.cost.toFixed(2)),
    },
    { header: 'generated_at', value: () => fleet.generatedAt },
  ]);
}
