import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  FleetResponse,
  FleetTenant,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { fireEvent, screen, within } from '@testing-library/react';
import { expectNoAxeViolations } from '../../__testUtils__/expectNoAxeViolations';
import { tenancyApiRef } from '../../api/TenancyApi';
import { FleetPage } from './FleetPage';

function aTenant(i: number, patch: Partial<FleetTenant> = {}): FleetTenant {
  const name = `tenant-${String(i).padStart(4, '0')}`;
  return {
    entityRef: `tenant:default/${name}`,
    name,
    owner: `group:default/team-${i % 7}`,
    costCenter: `CC-${1000 + (i % 5)}`,
    environments: i % 2 ? ['dev', 'prod'] : ['dev'],
    namespaceCount: 3,
    vclusterCount: 0,
    quotaUtilisation: { cpu: 0.5, memory: 0.25, pods: 0.1, max: 0.5 },
    cost: 10 + i,
    applications: { total: 3, outOfSync: 0, degraded: 0, progressing: 0 },
    ...patch,
  };
}

const fleet = (window: FleetResponse['window'] = '7d'): FleetResponse => ({
  generatedAt: '2026-11-21T12:00:00Z',
  items: [
    aTenant(1, {
      name: 'payments',
      entityRef: 'tenant:default/payments',
      title: 'Payments',
      costCenter: 'CC-1001',
      vclusterCount: 1,
      cost: window === '30d' ? 1650 : 412.5,
      applications: { total: 6, outOfSync: 1, degraded: 2, progressing: 0 },
    }),
    ...Array.from({ length: 1999 }, (_, i) => aTenant(i + 2)),
  ],
  window,
  currency: 'USD',
  costCenters: [{ costCenter: 'CC-1001', tenants: 400, cost: 9999.5 }],
  errors: [],
  sources: [],
  stale: false,
});

const render = (getFleet: jest.Mock) =>
  renderInTestApp(<FleetPage />, {
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    apis: [[tenancyApiRef, { getFleet } as any]],
  });

jest.setTimeout(60_000);

describe('FleetPage', () => {
  it('lists 2,000 tenants a page at a time with quota, cost and Argo CD counts', async () => {
    const getFleet = jest.fn(async (o?: any) => fleet(o?.window));
    const { container } = await render(getFleet);

    expect(await screen.findByText('Tenants (2000)')).toBeInTheDocument();
    const row = screen.getByRole('link', { name: 'Payments' }).closest('tr')!;
    expect(row).toHaveTextContent('CC-1001');
    expect(row).toHaveTextContent('3 + 1 vCluster');
    expect(row).toHaveTextContent('$412.50');
    expect(row).toHaveTextContent('50%');
    // A page of 25 rows, not 2,000.
    expect(screen.getAllByRole('link', { name: /^tenant-/ }).length).toBe(24);
    await expectNoAxeViolations(container);

    fireEvent.click(screen.getByRole('button', { name: '30d' }));
    expect(await screen.findByText('$1,650.00')).toBeInTheDocument();
    expect(getFleet).toHaveBeenLastCalledWith({ window: '30d' });
  });

  it('filters by cost center and by what needs attention', async () => {
    const { container } = await render(jest.fn(async () => fleet()));
    await screen.findByText('Tenants (2000)');

    fireEvent.click(screen.getByRole('checkbox', { name: /Needs attention/ }));
    expect(await screen.findByText('Tenants (1)')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('checkbox', { name: /Needs attention/ }));

    fireEvent.mouseDown(container.querySelector('#fleet-cost-center')!);
    fireEvent.click(
      within(screen.getByRole('listbox')).getByRole('option', {
        name: 'CC-1003',
      }),
    );
    expect(await screen.findByText('Tenants (400)')).toBeInTheDocument();
  });

  it('shows chargeback by cost center', async () => {
    await render(jest.fn(async () => fleet()));
    expect(
      await screen.findByText('Chargeback by cost center'),
    ).toBeInTheDocument();
    expect(screen.getByText('$9,999.50')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: /Download CSV/ }),
    ).toBeInTheDocument();
  });

  it('says so when the backend fails', async () => {
    await render(
      jest.fn(async () => Promise.reject(new Error('backend down'))),
    );
    expect(
      await screen.findByText(/Could not load the tenants/),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/backend down/).length).toBeGreaterThan(0);
  });
});
