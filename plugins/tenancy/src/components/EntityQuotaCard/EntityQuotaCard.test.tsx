import { fireEvent, screen, within } from '@testing-library/react';
import {
  aNamespace,
  aSummary,
  namespaceEntity,
} from '../../__testUtils__/fixtures';
import { expectNoAxeViolations } from '../../__testUtils__/expectNoAxeViolations';
import { renderEntityCard } from '../../__testUtils__/renderEntityCard';
import { EntityQuotaCard } from './EntityQuotaCard';

describe('EntityQuotaCard', () => {
  it('colours each resource by the thresholds and shows LimitRange defaults on demand', async () => {
    const summary = aSummary([aNamespace('payments-dev')]);
    const { container } = await renderEntityCard(
      <EntityQuotaCard thresholds={{ warning: 0.7, danger: 0.9 }} />,
      {
        entity: namespaceEntity,
        api: { getEntitySummary: async () => summary },
      },
    );

    const cpu = await screen.findByTestId('quota-requests.cpu');
    expect(cpu).toHaveAttribute('data-level', 'warning'); // 75 %
    expect(cpu).toHaveTextContent('CPU requests1500m / 2 · 75% (warning)');
    expect(screen.getByTestId('quota-requests.memory')).toHaveAttribute(
      'data-level',
      'warning',
    );
    expect(screen.getByTestId('quota-pods')).toHaveAttribute(
      'data-level',
      'danger',
    ); // 95 %
    expect(screen.getByTestId('quota-services.loadbalancers')).toHaveAttribute(
      'data-level',
      'unknown',
    ); // hard 0
    expect(
      screen.getByRole('progressbar', { name: 'Pods: 19 of 20 used' }),
    ).toHaveAttribute('aria-valuenow', '95');
    expect(
      screen.getByText('payments-dev on nonprod-eu-1 · Active'),
    ).toBeInTheDocument();

    expect(
      screen.queryByRole('table', {
        name: 'LimitRange defaults of payments-dev',
      }),
    ).not.toBeInTheDocument();
    fireEvent.click(
      screen.getByRole('button', {
        name: 'Show LimitRange defaults of payments-dev',
      }),
    );
    const table = screen.getByRole('table', {
      name: 'LimitRange defaults of payments-dev',
    });
    expect(
      within(table).getByText('cpu 100m, memory 128Mi'),
    ).toBeInTheDocument();
    expect(
      within(table).getByText('cpu 500m, memory 512Mi'),
    ).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('uses the default thresholds: 80 % warning, 95 % danger', async () => {
    const summary = aSummary([aNamespace('payments-dev')]);
    await renderEntityCard(<EntityQuotaCard />, {
      entity: namespaceEntity,
      api: { getEntitySummary: async () => summary },
    });
    expect(await screen.findByTestId('quota-requests.cpu')).toHaveAttribute(
      'data-level',
      'ok',
    );
    expect(screen.getByTestId('quota-pods')).toHaveAttribute(
      'data-level',
      'danger',
    );
  });

  it('says the cluster has not reported the namespace, and that the cluster failed', async () => {
    const summary = aSummary(
      [aNamespace('payments-dev', { quota: undefined })],
      {
        errors: [
          {
            source: 'kubernetes:nonprod-eu-1',
            kind: 'kubernetes',
            message: 'HTTP 401',
          },
        ],
      },
    );
    summary.sources[0] = {
      id: 'kubernetes:nonprod-eu-1',
      kind: 'kubernetes',
      name: 'nonprod-eu-1',
      stale: true,
      lastError: 'HTTP 401',
    };
    await renderEntityCard(<EntityQuotaCard />, {
      entity: namespaceEntity,
      api: { getEntitySummary: async () => summary },
    });
    expect(
      await screen.findByText(/has not reported this namespace/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'No data from Kubernetes cluster nonprod-eu-1: HTTP 401.',
      ),
    ).toBeInTheDocument();
  });
});
