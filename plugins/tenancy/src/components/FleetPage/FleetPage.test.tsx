import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  FleetResponse,
  FleetTenant,
  VClusterState,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { fireEvent, screen, within } from '@testing-library/react';
import { expectNoAxeViolations } from '../../__testUtils__/expectNoAxeViolations';
import { noProvisioningHistory } from '../../__testUtils__/fixtures';
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

const anApplication = (name: string) => ({
  instance: 'argocd',
  name,
  project: 'platform-vclusters',
  sync: 'OutOfSync',
  health: 'Healthy',
  revisions: ['0.36.1'],
  url: `https://argocd.example.com/applications/argocd/${name}`,
});

function aVCluster(
  name: string,
  state: Partial<VClusterState>,
): FleetResponse['vclusters'][number] {
  return {
    entityRef: `resource:default/${name}`,
    name,
    tenant: `tenant:default/${name.split('-')[0]}`,
    environment: 'dev',
    cluster: 'nonprod-eu-1',
    namespace: name,
    state: {
      status: 'ready',
      replicas: 1,
      readyReplicas: 1,
      sleeping: false,
      chartVersion: '0.36.1',
      pinnedChartVersion: '0.36.1',
      behind: false,
      kubernetesVersion: 'v1.36.0',
      application: anApplication(`vcluster-${name}`),
      ...state,
    },
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
      reconcilers: { total: 6, notReady: 3, failed: 2 },
      policy: { pass: 40, fail: 2, warn: 5, error: 1, skip: 0 },
      drift: 0,
    }),
    aTenant(2, {
      // Its namespaces are on a Flux cluster: one Kustomization failed.
      reconcilers: { total: 2, notReady: 1, failed: 1 },
      policy: { pass: 12, fail: 0, warn: 3, error: 0, skip: 1 },
      drift: 2,
    }),
    ...Array.from({ length: 1998 }, (_, i) => aTenant(i + 3)),
  ],
  vclusters: [
    aVCluster('payments-vc-dev', {
      status: 'ready',
      chartVersion: '0.36.0',
      behind: true,
    }),
    aVCluster('search-vc-dev', { status: 'sleeping', sleeping: true }),
    aVCluster('data-vc-prod', { status: 'notReady', readyReplicas: 0 }),
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
    apis: [
      [
        tenancyApiRef,
        {
          getFleet,
          getProvisioningMetrics: async () => noProvisioningHistory,
          getTenantRequests: async () => ({ configured: true, items: [] }),
        } as any,
      ],
    ],
  });

jest.setTimeout(60_000);

describe('FleetPage', () => {
  it('lists 2,000 tenants a page at a time with quota, cost and Argo CD counts', async () => {
    const getFleet = jest.fn(async (o?: any) => fleet(o?.window));
    const { container } = await render(getFleet);

    expect(await screen.findByText('Tenants (2000)')).toBeInTheDocument();
    expect(
      await screen.findByText('No request is waiting for review.'),
    ).toBeInTheDocument();
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

  it("says when a Flux cluster's objects could not be read", async () => {
    await render(
      jest.fn(async () => ({
        ...fleet(),
        sources: [
          {
            id: 'flux:nonprod-eu-2',
            kind: 'flux' as const,
            name: 'nonprod-eu-2',
            stale: true,
            lastError: 'HTTP 403 from kustomize.toolkit.fluxcd.io',
          },
        ],
      })),
    );
    expect(
      await screen.findByText(
        'No data from Flux objects of cluster nonprod-eu-2: HTTP 403 from kustomize.toolkit.fluxcd.io.',
      ),
    ).toBeInTheDocument();
  });

  it('filters by cost center and by what needs attention', async () => {
    const { container } = await render(jest.fn(async () => fleet()));
    await screen.findByText('Tenants (2000)');

    fireEvent.click(screen.getByRole('checkbox', { name: /Needs attention/ }));
    // Payments' Argo CD applications and tenant-0002's failed Flux object
    expect(await screen.findByText('Tenants (2)')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('checkbox', { name: /Needs attention/ }));

    fireEvent.mouseDown(container.querySelector('#fleet-cost-center')!);
    fireEvent.click(
      within(screen.getByRole('listbox')).getByRole('option', {
        name: 'CC-1003',
      }),
    );
    expect(await screen.findByText('Tenants (400)')).toBeInTheDocument();
  });

  it('shows policy failures and drift, a dash without data, and filters by each', async () => {
    await render(jest.fn(async () => fleet()));
    await screen.findByText('Tenants (2000)');
    const headers = screen.getAllByRole('columnheader').map(h => h.textContent);
    const cells = (name: string) => {
      const row = screen.getByRole('link', { name }).closest('tr')!;
      const all = within(row).getAllByRole('cell');
      return {
        failures: all[headers.indexOf('Policy failures')].textContent,
        drift: all[headers.indexOf('Drift')].textContent,
        notReady: all[headers.indexOf('Not ready (Argo CD, Flux)')].textContent,
        failed: all[headers.indexOf('Failed')].textContent,
      };
    };
    // fail + error; warnings are no failures; reconcilers of both engines
    expect(cells('Payments')).toEqual({
      failures: '3',
      drift: '0',
      notReady: '3',
      failed: '2',
    });
    expect(cells('tenant-0002')).toEqual({
      failures: '0',
      drift: '2',
      notReady: '1',
      failed: '1',
    });
    expect(cells('tenant-0003')).toMatchObject({ failures: '—', drift: '—' });

    fireEvent.click(
      screen.getByRole('checkbox', { name: 'With policy failures' }),
    );
    expect(await screen.findByText('Tenants (1)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Payments' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('checkbox', { name: 'With drift' }));
    expect(await screen.findByText('Tenants (0)')).toBeInTheDocument();
    fireEvent.click(
      screen.getByRole('checkbox', { name: 'With policy failures' }),
    );
    expect(await screen.findByText('Tenants (1)')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'tenant-0002' }),
    ).toBeInTheDocument();
  });

  it('sorts by policy failures, tenants without data last when descending', async () => {
    await render(jest.fn(async () => fleet()));
    await screen.findByText('Tenants (2000)');
    const sortBy = () =>
      fireEvent.click(screen.getByText('Policy failures', { exact: true }));
    sortBy();
    sortBy();
    const firstRows = screen
      .getAllByRole('row')
      .slice(1, 3)
      .map(r => within(r).getAllByRole('link')[0].textContent);
    expect(firstRows).toEqual(['Payments', 'tenant-0002']);
  });

  it('lists the vClusters with their state and version, those behind the pinned chart marked and first', async () => {
    await render(jest.fn(async () => fleet()));
    const table = (await screen.findByText('vClusters (3)')).closest(
      'table, [class*="MuiPaper"]',
    ) as HTMLElement;
    expect(
      within(table).getByText('1 behind the pinned chart 0.36.1'),
    ).toBeInTheDocument();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map(r => within(r).getAllByRole('link')[0].textContent),
    ).toEqual(['payments-vc-dev', 'search-vc-dev', 'data-vc-prod']);
    expect(rows[0]).toHaveTextContent('0.36.0, behind 0.36.1');
    expect(rows[0]).toHaveTextContent('Ready');
    expect(rows[0]).toHaveTextContent('v1.36.0');
    expect(rows[0]).toHaveTextContent('OutOfSync');
    expect(
      within(rows[0]).getByRole('link', { name: 'payments-vc-dev' }),
    ).toHaveAttribute('href', '/catalog/default/resource/payments-vc-dev');
    expect(rows[1]).toHaveTextContent('Sleeping');
    expect(rows[1]).not.toHaveTextContent('behind');
    expect(rows[2]).toHaveTextContent('Not ready (0/1)');
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
