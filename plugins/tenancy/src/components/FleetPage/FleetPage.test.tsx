import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { FleetResponse } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { tenancyApiRef } from '../../api/TenancyApi';
import { FleetPage } from './FleetPage';

const fleet: FleetResponse = {
  generatedAt: '2026-11-21T12:00:00Z',
  items: [
    {
      entityRef: 'tenant:default/payments',
      name: 'payments',
      title: 'Payments',
      owner: 'group:default/team-payments',
      costCenter: 'CC-1001',
      environments: ['dev', 'prod'],
      namespaceCount: 4,
      vclusterCount: 1,
      quotaUtilisation: { cpu: 0.5, memory: 0.25, pods: 0.1, max: 0.5 },
      cost: 412.5,
      applications: { total: 6, outOfSync: 1, degraded: 0, progressing: 0 },
    },
  ],
  window: '7d',
  currency: 'USD',
  costCenters: [{ costCenter: 'CC-1001', tenants: 1, cost: 412.5 }],
  errors: [],
  sources: [],
  stale: false,
};

describe('FleetPage', () => {
  it('lists the tenants from the backend', async () => {
    await renderInTestApp(<FleetPage />, {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      apis: [[tenancyApiRef, { getFleet: async () => fleet }]],
    });

    expect(await screen.findByText('Tenants (1)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Payments' })).toHaveAttribute(
      'href',
      '/catalog/default/tenant/payments',
    );
    expect(screen.getByText('CC-1001')).toBeInTheDocument();
    expect(screen.getByText('dev, prod')).toBeInTheDocument();
    expect(screen.getByText('4')).toBeInTheDocument();
  });

  it('says so when the backend fails', async () => {
    await renderInTestApp(<FleetPage />, {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      apis: [
        [
          tenancyApiRef,
          { getFleet: async () => Promise.reject(new Error('backend down')) },
        ],
      ],
    });

    expect(
      await screen.findByText(/Could not load the tenants/),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/backend down/).length).toBeGreaterThan(0);
  });
});
