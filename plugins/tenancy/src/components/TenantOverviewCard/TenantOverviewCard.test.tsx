import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { TenantOverviewCard } from './TenantOverviewCard';

const tenant: Entity = {
  apiVersion: 'tenancy.io/v1alpha1',
  kind: 'Tenant',
  metadata: { name: 'payments', namespace: 'default' },
  spec: {
    owner: 'group:default/team-payments',
    costCenter: 'CC-1001',
    ssoGroup: 'payments-developers',
    environments: ['dev', 'staging', 'prod'],
    isolation: 'both',
    tier: 'large',
  },
};

describe('TenantOverviewCard', () => {
  it('shows what the platform team records about the tenant', async () => {
    await renderInTestApp(
      <EntityProvider entity={tenant}>
        <TenantOverviewCard />
      </EntityProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    expect(await screen.findByText('CC-1001')).toBeInTheDocument();
    expect(screen.getByText('payments-developers')).toBeInTheDocument();
    expect(screen.getByText('dev, staging, prod')).toBeInTheDocument();
    expect(screen.getByText('both')).toBeInTheDocument();
    expect(screen.getByText('large')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /team-payments/ })).toHaveAttribute(
      'href',
      '/catalog/default/group/team-payments',
    );
  });

  it('fills in defaults for optional fields', async () => {
    await renderInTestApp(
      <EntityProvider
        entity={{
          ...tenant,
          spec: { owner: 'team-payments', costCenter: 'CC-2' },
        }}
      >
        <TenantOverviewCard />
      </EntityProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );

    expect(await screen.findByText('CC-2')).toBeInTheDocument();
    expect(screen.getByText('namespaces')).toBeInTheDocument();
    expect(screen.getAllByText('—')).toHaveLength(3);
  });
});
