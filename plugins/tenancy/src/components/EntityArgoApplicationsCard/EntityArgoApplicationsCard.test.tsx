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
});
