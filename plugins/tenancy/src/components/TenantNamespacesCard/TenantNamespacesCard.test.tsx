import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderNamespaceEntity } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { screen, within } from '@testing-library/react';
import { TenantNamespacesCard } from './TenantNamespacesCard';

const tenant: Entity = {
  apiVersion: 'tenancy.io/v1alpha1',
  kind: 'Tenant',
  metadata: { name: 'payments', namespace: 'default' },
  spec: {
    owner: 'team-payments',
    costCenter: 'CC-1',
    environments: ['dev', 'staging', 'prod'],
  },
};

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

const render = (entities: Entity[]) =>
  renderInTestApp(
    <EntityProvider entity={tenant}>
      <TenantNamespacesCard />
    </EntityProvider>,
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      apis: [[catalogApiRef, catalogApiMock({ entities })]],
    },
  );

describe('TenantNamespacesCard', () => {
  it('groups the tenant namespaces and vClusters by environment and cluster, with links', async () => {
    await render([
      part('payments-prod', 'prod', 'prod-eu-1'),
      part('payments-dev', 'dev', 'nonprod-eu-1'),
      part('payments-vc-dev', 'dev', 'nonprod-eu-1', 'vcluster'),
      part('payments-dev-us', 'dev', 'nonprod-us-1'),
      {
        ...part('other-dev', 'dev', 'nonprod-eu-1'),
        relations: [{ type: 'partOf', targetRef: 'tenant:default/other' }],
      },
    ]);

    expect(await screen.findByText('4 in total')).toBeInTheDocument();
    const headings = screen
      .getAllByRole('heading', { level: 3 })
      .map(h => h.textContent);
    expect(headings).toEqual(['dev', 'prod']);

    expect(screen.getByText('payments-vc-dev (vCluster)')).toBeInTheDocument();
    expect(screen.queryByText('other-dev')).not.toBeInTheDocument();
    const link = screen.getByText('payments-prod').closest('a');
    expect(link).toHaveAttribute(
      'href',
      '/catalog/default/resource/payments-prod',
    );
    expect(screen.getByRole('link', { name: 'nonprod-us-1' })).toHaveAttribute(
      'href',
      '/catalog/default/resource/nonprod-us-1',
    );
    const devSection = screen.getByRole('heading', { name: 'dev' })
      .parentElement!;
    expect(within(devSection).getByText('payments-dev')).toBeInTheDocument();
    expect(
      within(devSection).queryByText('payments-prod'),
    ).not.toBeInTheDocument();
  });

  it('says so when the tenant has none', async () => {
    await render([]);
    expect(await screen.findByText('No namespaces yet')).toBeInTheDocument();
  });
});
