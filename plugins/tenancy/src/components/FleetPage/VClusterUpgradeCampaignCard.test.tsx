import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { TenantRequest } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { screen, waitFor } from '@testing-library/react';
import { expectNoAxeViolations } from '../../__testUtils__/expectNoAxeViolations';
import { tenancyApiRef } from '../../api/TenancyApi';
import { VClusterUpgradeCampaignCard } from './VClusterUpgradeCampaignCard';
import { CampaignVCluster } from './vclusterUpgradeProgress';

const vcluster = (
  name: string,
  chartVersion: string,
  application = { sync: 'Synced', health: 'Healthy' },
): CampaignVCluster => ({
  name,
  tenant: `tenant:default/${name.split('-vc-')[0]}`,
  environment: name.split('-').pop(),
  state: {
    chartVersion,
    pinnedChartVersion: '0.36.2',
    behind: chartVersion !== '0.36.2',
    application,
  },
});

const request = (
  number: number,
  name: string,
  state: TenantRequest['state'],
): TenantRequest => ({
  number,
  title: `Upgrade vCluster ${name} to chart 0.36.2`,
  state,
  url: `https://git.example.com/pr/${number}`,
  branch: `tenancy/${name.split('-vc-')[0]}/${name}-upgrade-0.36.2`,
});

const requests: Record<string, TenantRequest[]> = {
  'tenant:default/payments': [
    request(1, 'payments-vc-a-dev', 'merged'),
    request(2, 'payments-vc-b-dev', 'merged'),
    request(3, 'payments-vc-c-dev', 'open'),
    // An upgrade to an older pinned version is not this campaign's.
    {
      ...request(4, 'payments-vc-d-dev', 'open'),
      branch: 'tenancy/payments/payments-vc-d-dev-upgrade-0.36.1',
    },
  ],
  'tenant:default/search': [request(5, 'search-vc-e-dev', 'closed')],
};

const render = async (vclusters: CampaignVCluster[]) => {
  const getTenantRequests = jest.fn(async (ref: string) => ({
    items: requests[ref] ?? [],
    configured: true,
  }));
  return {
    getTenantRequests,
    ...(await renderInTestApp(
      <VClusterUpgradeCampaignCard vclusters={vclusters} />,
      {
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
        apis: [[tenancyApiRef, { getTenantRequests } as any]],
      },
    )),
  };
};

describe('VClusterUpgradeCampaignCard', () => {
  it("counts the campaign's vClusters by stage and links each request", async () => {
    const { container } = await render([
      // Merged, deployed and Synced.
      vcluster('payments-vc-a-dev', '0.36.2'),
      // Merged, the old version still deployed.
      vcluster('payments-vc-b-dev', '0.36.1'),
      vcluster('payments-vc-c-dev', '0.36.1'),
      // Only an upgrade to another version: not requested in this campaign.
      vcluster('payments-vc-d-dev', '0.36.1'),
      vcluster('search-vc-e-dev', '0.36.1'),
      // Current, and no request moved it: not part of the campaign.
      vcluster('search-vc-f-prod', '0.36.2'),
    ]);
    expect(
      await screen.findByText(
        '1 not requested yet · 1 open · 1 merged · 1 synced · 1 failed',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('vCluster upgrade to chart 0.36.2'),
    ).toBeInTheDocument();
    const row = (name: string) =>
      screen.getByRole('link', { name }).closest('tr')!;
    expect(row('payments-vc-a-dev')).toHaveTextContent('synced');
    expect(row('payments-vc-b-dev')).toHaveTextContent('merged');
    expect(row('payments-vc-c-dev')).toHaveTextContent('open');
    expect(row('payments-vc-d-dev')).toHaveTextContent('not requested yet');
    expect(row('search-vc-e-dev')).toHaveTextContent('failed');
    expect(
      screen.getByRole('link', {
        name: /#3 Upgrade vCluster payments-vc-c-dev/,
      }),
    ).toHaveAttribute('href', 'https://git.example.com/pr/3');
    expect(
      screen.queryByRole('link', { name: 'search-vc-f-prod' }),
    ).not.toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('marks a merged upgrade whose Application is Degraded as failed', async () => {
    await render([
      vcluster('payments-vc-b-dev', '0.36.1', {
        sync: 'OutOfSync',
        health: 'Degraded',
      }),
    ]);
    expect(
      await screen.findByText(
        '0 not requested yet · 0 open · 0 merged · 0 synced · 1 failed',
      ),
    ).toBeInTheDocument();
  });

  it('shows nothing when every vCluster is current and no request moved one', async () => {
    const { getTenantRequests } = await render([
      vcluster('search-vc-f-prod', '0.36.2'),
    ]);
    await waitFor(() =>
      expect(getTenantRequests).toHaveBeenCalledWith('tenant:default/search'),
    );
    await waitFor(() =>
      expect(screen.queryByText(/vCluster upgrade/)).not.toBeInTheDocument(),
    );
  });

  it('shows a failure to load the requests in the card', async () => {
    await renderInTestApp(
      <VClusterUpgradeCampaignCard
        vclusters={[vcluster('payments-vc-b-dev', '0.36.1')]}
      />,
      {
        apis: [
          [
            tenancyApiRef,
            {
              getTenantRequests: async () => {
                throw new Error('backend unavailable');
              },
            } as any,
          ],
        ],
      },
    );
    expect(
      await screen.findByText(
        'Could not load the upgrade requests: backend unavailable',
      ),
    ).toBeInTheDocument();
  });
});
