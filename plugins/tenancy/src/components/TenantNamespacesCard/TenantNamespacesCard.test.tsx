import { Entity } from '@backstage/catalog-model';
import { renderNamespaceEntity } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { screen, within } from '@testing-library/react';
import { aNamespace, anApp, aSummary } from '../../__testUtils__/fixtures';
import { expectNoAxeViolations } from '../../__testUtils__/expectNoAxeViolations';
import { renderEntityCard } from '../../__testUtils__/renderEntityCard';
import { TenantNamespacesCard } from './TenantNamespacesCard';

function part(
  namespace: string,
  environment: string,
  cluster: string,
  type?: 'vcluster',
): Entity {
  return {
    ...renderNamespaceEntity(
      {
        tenant: 'payments',
        owner: 'team-payments',
        costCenter: 'CC-1',
        environment,
        cluster,
        namespace,
      },
      { type },
    ),
    relations: [{ type: 'partOf', targetRef: 'tenant:default/payments' }],
  };
}

const parts = [
  part('payments-prod', 'prod', 'prod-eu-1'),
  part('payments-dev', 'dev', 'nonprod-eu-1'),
  part('payments-vc-dev', 'dev', 'nonprod-eu-1', 'vcluster'),
  part('payments-dev-us', 'dev', 'nonprod-us-1'),
  {
    ...part('other-dev', 'dev', 'nonprod-eu-1'),
    relations: [{ type: 'partOf', targetRef: 'tenant:default/other' }],
  },
];

const summary = aSummary([
  aNamespace('payments-dev', {
    applications: [anApp('payments-dev-api', 'OutOfSync', 'Degraded')],
  }),
  aNamespace('payments-prod', { environment: 'prod', cluster: 'prod-eu-1' }),
  aNamespace('payments-vc-dev', {
    type: 'vcluster',
    quota: undefined,
    vcluster: {
      status: 'sleeping',
      replicas: 0,
      readyReplicas: 0,
      sleeping: true,
      chartVersion: '0.36.0',
      pinnedChartVersion: '0.36.1',
      behind: true,
      kubernetesVersion: 'v1.36.0',
    },
  }),
]);

describe('TenantNamespacesCard', () => {
  it('groups namespaces and vClusters by environment and cluster with quota and Argo CD state', async () => {
    const { container } = await renderEntityCard(<TenantNamespacesCard />, {
      catalogEntities: parts,
      api: { getEntitySummary: async () => summary },
    });

    expect(await screen.findByText('4 in total')).toBeInTheDocument();
    const headings = screen
      .getAllByRole('heading', { level: 3 })
      .map(h => h.textContent);
    expect(headings).toEqual(['dev', 'prod']);
    expect(screen.queryByText('other-dev')).not.toBeInTheDocument();

    const dev = await screen.findByTestId('namespace-payments-dev');
    expect(
      within(dev).getByRole('link', { name: 'payments-dev' }),
    ).toHaveAttribute('href', '/catalog/default/resource/payments-dev');
    expect(within(dev).getByTestId('quota-pods')).toHaveAttribute(
      'data-level',
      'danger',
    );
    // Only the main resources in the compact view.
    expect(
      within(dev).queryByTestId('quota-services.loadbalancers'),
    ).not.toBeInTheDocument();
    expect(
      within(dev).getByRole('link', { name: /^payments-dev-api/ }),
    ).toHaveAttribute(
      'href',
      'https://argocd.example.com/applications/argocd/payments-dev-api',
    );
    expect(within(dev).getByText('OutOfSync')).toBeInTheDocument();
    expect(within(dev).getByText('Degraded')).toBeInTheDocument();

    const vc = screen.getByTestId('namespace-payments-vc-dev');
    expect(within(vc).getByText('vCluster')).toBeInTheDocument();
    expect(
      within(vc).getByText(/Not reported by the cluster yet/),
    ).toBeInTheDocument();
    expect(within(vc).getByText('Sleeping')).toBeInTheDocument();
    expect(within(vc).getByText('0.36.0, behind 0.36.1')).toBeInTheDocument();
    expect(within(vc).getByText(/Kubernetes v1\.36\.0/)).toBeInTheDocument();
    expect(within(dev).queryByText(/vCluster state/)).not.toBeInTheDocument();

    const devSection = screen.getByRole('heading', { name: 'dev' })
      .parentElement!;
    expect(
      within(devSection).queryByText('payments-prod'),
    ).not.toBeInTheDocument();
    expect(
      within(devSection).getByRole('link', { name: 'nonprod-us-1' }),
    ).toHaveAttribute('href', '/catalog/default/resource/nonprod-us-1');
    await expectNoAxeViolations(container);
  });

  it('keeps the list from the catalog when the tenancy backend fails', async () => {
    await renderEntityCard(<TenantNamespacesCard />, {
      catalogEntities: parts,
      api: {
        getEntitySummary: async () => {
          throw new Error('503 Service Unavailable');
        },
      },
    });
    expect(
      await screen.findByText(/Quota and Argo CD state are unavailable/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'payments-prod' }),
    ).toBeInTheDocument();
    expect(screen.getAllByText('Quota unavailable.')).toHaveLength(4);
  });

  it('leads to the wizard, pre-filled with the tenant, when there are none', async () => {
    await renderEntityCard(<TenantNamespacesCard />, {
      catalogEntities: [],
      api: { getEntitySummary: async () => aSummary([]) },
    });
    expect(await screen.findByText('No namespaces yet')).toBeInTheDocument();
    const link = screen.getByRole('link', { name: 'Request a namespace' });
    const href = new URL(link.getAttribute('href')!, 'http://localhost');
    expect(href.pathname).toBe('/create/templates/default/new-namespace');
    expect(JSON.parse(href.searchParams.get('formData')!)).toEqual({
      tenant: 'tenant:default/payments',
    });
  });
});
