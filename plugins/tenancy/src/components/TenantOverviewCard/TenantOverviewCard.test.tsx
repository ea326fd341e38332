import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TenantRequestsResponse } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { tenantEntity } from '../../__testUtils__/fixtures';
import { expectNoAxeViolations } from '../../__testUtils__/expectNoAxeViolations';
import { renderEntityCard } from '../../__testUtils__/renderEntityCard';
import { TenantOverviewCard } from './TenantOverviewCard';

const request = (
  number: number,
  state: 'open' | 'merged' | 'closed',
): TenantRequestsResponse['items'][number] => ({
  number,
  title: `New namespace payments-${number}`,
  state,
  url: `https://github.com/acme/gitops/pull/${number}`,
  branch: `tenancy/payments/payments-${number}`,
  requestedBy: 'user:default/alex.payments',
  createdAt: '2026-11-20T09:00:00Z',
  updatedAt: '2026-11-20T10:00:00Z',
});

describe('TenantOverviewCard', () => {
  it('shows the tenant record, its requests with links, and the wizard link', async () => {
    const getTenantRequests = jest.fn(async () => ({
      configured: true,
      items: [
        request(9, 'merged'),
        request(8, 'open'),
        request(7, 'closed'),
        request(6, 'merged'),
        request(5, 'merged'),
        request(4, 'merged'),
      ],
    }));
    const { container } = await renderEntityCard(
      <TenantOverviewCard templateRef="template:platform/new-namespace" />,
      { api: { getTenantRequests } },
    );

    expect(screen.getByText('CC-1001')).toBeInTheDocument();
    expect(screen.getByText('payments-devs')).toBeInTheDocument();
    expect(screen.getByText('dev, staging, prod')).toBeInTheDocument();
    expect(screen.getByText('gold')).toBeInTheDocument();

    const list = await screen.findByRole('list', {
      name: 'Provisioning requests',
    });
    // Open first, then the most recent others: the newest five.
    const links = () =>
      [...list.querySelectorAll('a')].map(a =>
        a.textContent?.replace(', Opens in a new window', ''),
      );
    expect(links()).toEqual([
      '#8 New namespace payments-8',
      '#9 New namespace payments-9',
      '#7 New namespace payments-7',
      '#6 New namespace payments-6',
      '#5 New namespace payments-5',
    ]);
    // Who asked and when.
    expect(list.textContent).toContain(
      `asked by alex.payments · ${new Date(
        '2026-11-20T09:00:00Z',
      ).toLocaleString()}`,
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Show all 6 requests' }),
    );
    expect(links()).toHaveLength(6);
    expect(links()[5]).toBe('#4 New namespace payments-4');
    await userEvent.click(screen.getByRole('button', { name: 'Show fewer' }));
    expect(links()).toHaveLength(5);
    expect(
      screen.getByRole('link', { name: /#8 New namespace payments-8/ }),
    ).toHaveAttribute('href', 'https://github.com/acme/gitops/pull/8');
    expect(getTenantRequests).toHaveBeenCalledWith('tenant:default/payments');

    const wizard = screen.getByRole('link', { name: 'Request a namespace' });
    expect(wizard.getAttribute('href')).toMatch(
      /^\/create\/templates\/platform\/new-namespace\?formData=/,
    );
    await expectNoAxeViolations(container);
  });

  it('reads the requests again while shown, so a request opened meanwhile appears', async () => {
    jest.useFakeTimers({ advanceTimers: true });
    try {
      let items: TenantRequestsResponse['items'] = [];
      const getTenantRequests = jest.fn(async () => ({
        configured: true,
        items,
      }));
      await renderEntityCard(<TenantOverviewCard />, {
        api: { getTenantRequests },
      });
      expect(await screen.findByText('No requests yet.')).toBeInTheDocument();
      items = [request(1, 'open')];
      await act(async () => {
        jest.advanceTimersByTime(15_000);
      });
      expect(
        await screen.findByRole('link', {
          name: /#1 New namespace payments-1/,
        }),
      ).toBeInTheDocument();
      expect(getTenantRequests).toHaveBeenCalledTimes(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('says when the repository cannot be read, without failing the card', async () => {
    await renderEntityCard(<TenantOverviewCard />, {
      api: {
        getTenantRequests: async () => ({
          configured: true,
          items: [],
          error: 'the GitOps repository could not be read',
        }),
      },
    });
    expect(
      await screen.findByText(/Could not read the requests/),
    ).toBeInTheDocument();
    expect(screen.getByText('CC-1001')).toBeInTheDocument();
  });

  it('renders nothing for an entity that is not a tenant', async () => {
    await renderEntityCard(<TenantOverviewCard />, {
      entity: { ...tenantEntity, kind: 'Component' },
      api: {},
    });
    expect(screen.queryByText('Tenant')).not.toBeInTheDocument();
  });
});
