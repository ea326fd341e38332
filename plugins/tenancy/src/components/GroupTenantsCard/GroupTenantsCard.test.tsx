import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen } from '@testing-library/react';
import { GroupTenantsCard } from './GroupTenantsCard';

const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-payments', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

const tenant = (name: string, owner: string): Entity => ({
  apiVersion: 'tenancy.io/v1alpha1',
  kind: 'Tenant',
  metadata: { name, namespace: 'default', title: name.toUpperCase() },
  spec: { owner, costCenter: `CC-${name}`, environments: ['dev', 'prod'] },
  relations: [{ type: 'ownedBy', targetRef: owner }],
});

describe('GroupTenantsCard', () => {
  it('lists the tenants the group owns, and only those', async () => {
    await renderInTestApp(
      <EntityProvider entity={group}>
        <GroupTenantsCard />
      </EntityProvider>,
      {
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
        apis: [
          [
            catalogApiRef,
            catalogApiMock({
              entities: [
                tenant('payments', 'group:default/team-payments'),
                tenant('refunds', 'group:default/team-payments'),
                tenant('checkout', 'group:default/team-checkout'),
              ],
            }),
          ],
        ],
      },
    );

    expect(await screen.findByText('Tenants (2)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'PAYMENTS' })).toHaveAttribute(
      'href',
      '/catalog/default/tenant/payments',
    );
    expect(screen.getByText('CC-refunds')).toBeInTheDocument();
    expect(screen.queryByText('CHECKOUT')).not.toBeInTheDocument();
  });
});
