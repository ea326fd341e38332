import { fireEvent, screen, within } from '@testing-library/react';
import { aCost, aNamespace, aSummary } from '../../__testUtils__/fixtures';
import { expectNoAxeViolations } from '../../__testUtils__/expectNoAxeViolations';
import { renderEntityCard } from '../../__testUtils__/renderEntityCard';
import { EntityCostCard } from './EntityCostCard';

const summaryFor = (window: string) => {
  const scale = window === '30d' ? 4 : 1;
  const a = aNamespace('payments-dev', { cost: aCost(70 * scale) });
  const b = aNamespace('payments-prod', {
    environment: 'prod',
    cost: aCost(30 * scale),
  });
  return aSummary([a, b]);
};

describe('EntityCostCard', () => {
  it('shows total, breakdown, efficiency and the cost per namespace, and switches the window', async () => {
    const getEntitySummary = jest.fn(async (_ref: string, o?: any) =>
      summaryFor(o?.window),
    );
    const { container } = await renderEntityCard(<EntityCostCard />, {
      api: { getEntitySummary },
    });

    expect(await screen.findByTestId('cost-total')).toHaveTextContent(
      '$100.00',
    );
    expect(getEntitySummary).toHaveBeenCalledWith('tenant:default/payments', {
      window: '7d',
    });
    const breakdown = screen.getByRole('table', { name: 'Cost breakdown' });
    expect(within(breakdown).getByText('CPU').closest('tr')).toHaveTextContent(
      'CPU$50.0050%',
    );
    expect(screen.getByText(/Efficiency: 42%/)).toBeInTheDocument();
    expect(screen.getByText('Cost per namespace')).toBeInTheDocument();
    const rows = screen.getAllByRole('row').map(r => r.textContent);
    const dev = rows.findIndex(r => r?.startsWith('payments-dev'));
    const prod = rows.findIndex(r => r?.startsWith('payments-prod'));
    expect(dev).toBeGreaterThan(-1);
    expect(dev).toBeLessThan(prod);
    expect(rows[dev]).toContain('$70.00');
    expect(rows[dev]).toContain('70%');
    await expectNoAxeViolations(container);

    fireEvent.click(screen.getByRole('button', { name: '30d' }));
    expect(
      await screen.findByText('$400.00', {
        selector: '[data-testid=cost-total]',
      }),
    ).toBeInTheDocument();
    expect(getEntitySummary).toHaveBeenLastCalledWith(
      'tenant:default/payments',
      { window: '30d' },
    );
    expect(screen.getByRole('button', { name: '30d' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('tells which cost source is stale and how old its data is', async () => {
    const summary = summaryFor('7d');
    summary.sources[2] = {
      ...summary.sources[2],
      stale: true,
      ageSeconds: 720,
      lastError: 'HTTP 500 from the cost API',
    };
    await renderEntityCard(<EntityCostCard />, {
      api: { getEntitySummary: async () => summary },
    });
    expect(
      await screen.findByText(/Part of this data is out of date/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Showing data from 12 min ago for cost source opencost; the last refresh failed: HTTP 500 from the cost API.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('cost-total')).toHaveTextContent('$100.00');
  });

  it('says there is no cost data, and why, when no source covers the namespaces', async () => {
    const summary = aSummary(
      [aNamespace('payments-dev', { cost: undefined })],
      {
        errors: [{ source: 'cost:opencost', kind: 'cost', message: 'timeout' }],
      },
    );
    summary.sources[2] = {
      id: 'cost:opencost',
      kind: 'cost',
      name: 'opencost',
      stale: true,
      lastError: 'timeout',
    };
    await renderEntityCard(<EntityCostCard />, {
      api: { getEntitySummary: async () => summary },
    });
    expect(await screen.findByText('No cost data')).toBeInTheDocument();
    expect(
      screen.getByText('No data from cost source opencost: timeout.'),
    ).toBeInTheDocument();
  });

  it('shows the error when the backend fails', async () => {
    await renderEntityCard(<EntityCostCard />, {
      api: {
        getEntitySummary: async () => {
          throw new Error('backend unavailable');
        },
      },
    });
    expect(
      await screen.findByText(/Could not load the cost/),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/backend unavailable/).length).toBeGreaterThan(
      0,
    );
  });
});
