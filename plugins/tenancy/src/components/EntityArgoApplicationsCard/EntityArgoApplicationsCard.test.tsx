import { screen, within } from '@testing-library/react';
import { aNamespace, anApp, aSummary } from '../../__testUtils__/fixtures';
import { expectNoAxeViolations } from '../../__testUtils__/expectNoAxeViolations';
import { renderEntityCard } from '../../__testUtils__/renderEntityCard';
import { EntityArgoApplicationsCard } from './EntityArgoApplicationsCard';

describe('EntityArgoApplicationsCard', () => {
  it('lists applications with sync, health, short revision and link, and those deploying elsewhere', async () => {
    const summary = aSummary(
      [
        aNamespace('payments-dev', {
          applications: [
            anApp('payments-api'),
            {
              ...anApp('payments-web', 'OutOfSync', 'Degraded'),
              healthMessage: 'crash loop',
            },
          ],
        }),
      ],
      { otherApplications: [anApp('payments-vc-addons')] },
    );
    summary.totals.applications = {
      total: 3,
      outOfSync: 1,
      degraded: 1,
      progressing: 0,
    };
    const { container } = await renderEntityCard(
      <EntityArgoApplicationsCard />,
      {
        api: { getEntitySummary: async () => summary },
      },
    );

    expect(
      await screen.findByText(
        '3 in total · 1 out of sync · 1 degraded · 0 progressing',
      ),
    ).toBeInTheDocument();
    const main = screen.getByRole('table', {
      name: 'Argo CD applications in these namespaces',
    });
    const web = within(main)
      .getByRole('link', { name: /^payments-web/ })
      .closest('tr')!;
    expect(web).toHaveTextContent('OutOfSync');
    expect(web).toHaveTextContent('Degraded: crash loop');
    expect(web).toHaveTextContent('0123456');
    expect(
      within(
        screen.getByRole('table', {
          name: 'Argo CD applications of this tenant deploying elsewhere',
        }),
      ).getByRole('link', { name: /^payments-vc-addons/ }),
    ).toHaveAttribute(
      'href',
      'https://argocd.example.com/applications/argocd/payments-vc-addons',
    );
    await expectNoAxeViolations(container);
  });

  it("says when the entity's own Argo CD annotations could not be used", async () => {
    const message =
      'resource:default/payments-dev: argocd/app-selector "team in (payments" is not a label selector: missing ")"';
    await renderEntityCard(<EntityArgoApplicationsCard />, {
      api: {
        getEntitySummary: async () =>
          aSummary([aNamespace('payments-dev', { applications: [] })], {
            errors: [
              {
                source: 'resource:default/payments-dev',
                kind: 'argocd',
                message,
              },
              { source: 'cost:opencost', kind: 'cost', message: 'timeout' },
            ],
          }),
      },
    });

    const panel = await screen.findByTestId('source-problems');
    expect(panel).toHaveTextContent(
      "Some of this entity's settings could not be used",
    );
    expect(panel).toHaveTextContent(`${message}.`);
    // a fresh source's error of another kind is not this card's business
    expect(panel).not.toHaveTextContent('timeout');
  });

  it('shows the Flux objects of a namespace on a Flux cluster, engine and state visible, failed first, linked to its Kubernetes tab', async () => {
    const kustomization = {
      engine: 'flux' as const,
      kind: 'Kustomization',
      cluster: 'nonprod-eu-2',
      namespace: 'flux-system',
      name: 'payments-qa',
      state: 'ready' as const,
      revision: 'main@sha1:0123456789abcdef0123456789abcdef01234567',
      message: 'Applied revision: main@sha1:0123456789abcdef',
      lastTransitionAt: '2026-12-01T10:00:00Z',
    };
    const summary = aSummary([
      aNamespace('payments-api-qa', {
        cluster: 'nonprod-eu-2',
        environment: 'qa',
        applications: [],
        reconcilers: [
          kustomization,
          {
            ...kustomization,
            kind: 'HelmRelease',
            namespace: 'payments-api-qa',
            name: 'api',
            state: 'failed',
            revision: '1.4.0',
            message: 'install retries exhausted',
          },
        ],
      }),
      // The tenant Kustomization deploys into this namespace too: shown once.
      aNamespace('payments-web-qa', {
        cluster: 'nonprod-eu-2',
        applications: [],
        reconcilers: [kustomization],
      }),
    ]);
    const { container } = await renderEntityCard(
      <EntityArgoApplicationsCard />,
      { api: { getEntitySummary: async () => summary } },
    );

    expect(await screen.findByText('Flux objects')).toBeInTheDocument();
    expect(
      screen.getByText('2 Flux objects · 1 not ready · 1 failed'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('table', {
        name: 'Argo CD applications in these namespaces',
      }),
    ).not.toBeInTheDocument();
    const table = screen.getByRole('table', {
      name: 'Flux objects deploying into these namespaces',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('api');
    expect(rows[0]).toHaveTextContent('Flux HelmRelease · nonprod-eu-2');
    expect(rows[0]).toHaveTextContent('Failed');
    expect(rows[0]).toHaveTextContent('install retries exhausted');
    expect(rows[1]).toHaveTextContent('Flux Kustomization');
    expect(rows[1]).toHaveTextContent('main@0123456');
    // The HelmRelease lives in the namespace: linked to its Kubernetes tab;
    // the platform's Kustomization in flux-system is not.
    expect(within(rows[0]).getByRole('link', { name: 'api' })).toHaveAttribute(
      'href',
      '/catalog/default/resource/payments-api-qa/kubernetes',
    );
    expect(within(rows[1]).queryByRole('link')).not.toBeInTheDocument();
    await expectNoAxeViolations(container);
  });
});
