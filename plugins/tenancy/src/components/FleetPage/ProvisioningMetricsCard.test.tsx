import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { TenancyApiComponents } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { screen, within } from '@testing-library/react';
import { expectNoAxeViolations } from '../../__testUtils__/expectNoAxeViolations';
import { tenancyApiRef } from '../../api/TenancyApi';
import { ProvisioningMetricsCard } from './ProvisioningMetricsCard';

const week = (w: string, median: number, p90: number) => ({
  week: w,
  leadTimes: {
    toMerged: {
      count: 2,
      medianSeconds: 300,
      p90Seconds: 600,
      maxSeconds: 600,
    },
    toReady: {
      count: 2,
      medianSeconds: median,
      p90Seconds: p90,
      maxSeconds: p90,
    },
  },
});

const metrics: TenancyApiComponents['schemas']['ProvisioningMetricsResponse'] =
  {
    generatedAt: '2026-12-03T08:00:00Z',
    since: '2026-09-10T08:00:00Z',
    leadTimes: {
      toMerged: {
        count: 4,
        medianSeconds: 300,
        p90Seconds: 600,
        maxSeconds: 600,
      },
      toReady: {
        count: 4,
        medianSeconds: 540,
        p90Seconds: 1500,
        maxSeconds: 1500,
      },
    },
    byEnvironment: [],
    byWeek: [week('2026-11-23', 480, 900), week('2026-11-30', 540, 1500)],
    requests: [
      {
        number: 11,
        title: 'New namespace payments-dev for tenant payments (dev)',
        url: 'https://git.example.com/pr/11',
        tenant: 'tenant:default/payments',
        kind: 'create',
        state: 'merged',
        openedAt: '2026-12-02T08:00:00Z',
        toMergedSeconds: 300,
        toReadySeconds: 540,
      },
      {
        number: 13,
        title: 'New vCluster payments-dev-vc-ci for tenant payments (dev)',
        url: 'https://git.example.com/pr/13',
        tenant: 'tenant:default/payments',
        kind: 'create',
        state: 'merged',
        openedAt: '2026-12-02T07:00:00Z',
        toMergedSeconds: 120,
      },
    ],
    open: [
      {
        number: 12,
        title: 'New namespace payments-staging for tenant payments (staging)',
        url: 'https://git.example.com/pr/12',
        tenant: 'tenant:default/payments',
        kind: 'create',
        environment: 'staging',
        openedAt: '2026-12-01T08:00:00Z',
        ageSeconds: 2 * 86400,
        refusal:
          'tenants/payments/appproject.yaml spec.destinations: changed on both sides',
      },
      {
        number: 14,
        title: 'Quota of search-dev',
        url: 'https://git.example.com/pr/14',
        tenant: 'tenant:default/search',
        kind: 'update',
        openedAt: '2026-12-03T07:00:00Z',
        ageSeconds: 3600,
      },
    ],
    openCount: 5,
    outcomes: [{ outcome: 'failed', reason: 'closed-without-merge', count: 1 }],
    sla: { targetMinutes: 10, measured: 4, withinTarget: 3, share: 0.75 },
  };

const render = (getProvisioningMetrics: () => Promise<unknown>) =>
  renderInTestApp(<ProvisioningMetricsCard />, {
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    apis: [[tenancyApiRef, { getProvisioningMetrics } as any]],
  });

describe('ProvisioningMetricsCard', () => {
  it('shows the SLA share, lead times, a weekly chart and the slowest open requests', async () => {
    const { container } = await render(async () => metrics);

    expect(
      await screen.findByText('75% ready within 10 min of merge (3 of 4).'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /Opened to ready: median 9 min, p90 25 min, slowest 25 min \(4\)/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: 'Lead time to ready per week, over 2 weeks',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /#11 New namespace payments-dev/ })
        .parentElement,
    ).toHaveTextContent('merged after 5 min, ready after 9 min');
    expect(
      screen.getByRole('link', { name: /#13 New vCluster/ }).parentElement,
    ).toHaveTextContent('merged after 2 min, not ready yet');
    expect(screen.getByText('Slowest open requests (5)')).toBeInTheDocument();
    const slowest = screen
      .getByRole('link', { name: /#12 New namespace payments-staging/ })
      .closest('tr')!;
    expect(slowest).toHaveTextContent('2 d');
    expect(slowest).toHaveTextContent('staging');
    expect(slowest).toHaveTextContent(
      'Needs a person: tenants/payments/appproject.yaml spec.destinations: changed on both sides',
    );
    expect(
      within(slowest).getByRole('link', { name: 'payments' }),
    ).toHaveAttribute('href', '/catalog/default/tenant/payments');
    expect(screen.getByRole('link', { name: /#12/ })).toHaveAttribute(
      'href',
      'https://git.example.com/pr/12',
    );
    await expectNoAxeViolations(container);
  });

  it('says when nothing can be measured yet and nothing waits', async () => {
    await render(async () => ({
      ...metrics,
      byWeek: [],
      open: [],
      openCount: 0,
      sla: { targetMinutes: 10, measured: 0, withinTarget: 0 },
    }));
    expect(
      await screen.findByText(
        'No namespace or vCluster merged yet to measure against the 10 min target.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(
      screen.getByText('No request is waiting for review.'),
    ).toBeInTheDocument();
  });

  it('shows a failure to load in the card', async () => {
    await render(async () => {
      throw new Error('backend unavailable');
    });
    expect(
      await screen.findByText(/Could not load the provisioning metrics/),
    ).toBeInTheDocument();
  });
});
