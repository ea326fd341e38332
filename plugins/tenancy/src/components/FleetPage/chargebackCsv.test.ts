import { FleetResponse } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { chargebackCsv } from './chargebackCsv';

const tenant = (name: string, costCenter: string, cost?: number) => ({
  entityRef: `tenant:default/${name}`,
  name,
  owner: 'group:default/team',
  costCenter,
  environments: [],
  namespaceCount: 1,
  vclusterCount: 0,
  quotaUtilisation: {},
  cost,
  applications: { total: 0, outOfSync: 0, degraded: 0, progressing: 0 },
});

describe('chargebackCsv', () => {
  it('writes one line per cost center and tenant, escaped, formulas kept as text', () => {
    const fleet: FleetResponse = {
      items: [
        tenant('search', 'CC-2', 5),
        tenant('payments', 'CC-1', 1234.5),
        tenant('odd', '=HYPERLINK("x"),1', undefined),
      ],
      vclusters: [],
      window: '30d',
      currency: 'EUR',
      costCenters: [],
      generatedAt: '2026-11-21T12:00:00.000Z',
      errors: [],
      sources: [],
      stale: false,
    };
    expect(chargebackCsv(fleet).split('\r\n')).toEqual([
      'cost_center,tenant,owner,window,currency,cost,generated_at',
      `"'=HYPERLINK(""x""),1",tenant:default/odd,group:default/team,30d,EUR,,2026-11-21T12:00:00.000Z`,
      'CC-1,tenant:default/payments,group:default/team,30d,EUR,1234.50,2026-11-21T12:00:00.000Z',
      'CC-2,tenant:default/search,group:default/team,30d,EUR,5.00,2026-11-21T12:00:00.000Z',
      '',
    ]);
  });
});
