import { getComponentData, useRouteRef } from '@backstage/core-plugin-api';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { tenancyApiRef } from './api/TenancyApi';
import { noProvisioningHistory } from './__testUtils__/fixtures';
import { LegacyFleetPage } from './components/FleetPage';
import { RequestNamespaceButton } from './components/shared/RequestNamespaceButton';
import { TenancyFleetPage, tenancyLegacyPlugin } from './index';

function FleetLink() {
  const fleet = useRouteRef(tenancyLegacyPlugin.routes.root);
  return <a href={fleet()}>Fleet</a>;
}

describe('tenancyLegacyPlugin', () => {
  it('routes the fleet page and the wizard link through the refs a legacy app binds', async () => {
    // As a legacy app: the fleet page mounted on the plugin's root, the
    // external route bound to the scaffolder's template page.
    await renderInTestApp(
      <>
        <FleetLink />
        <RequestNamespaceButton
          tenantRef="tenant:default/payments"
          templateRef="template:platform/new-namespace"
        />
      </>,
      {
        mountedRoutes: {
          '/tenancy': tenancyLegacyPlugin.routes.root,
          '/create/templates/:namespace/:templateName':
            tenancyLegacyPlugin.externalRoutes.templateWizard,
        },
      },
    );
    expect(screen.getByRole('link', { name: 'Fleet' })).toHaveAttribute(
      'href',
      '/tenancy',
    );
    const wizard = screen.getByRole('link', { name: 'Request a namespace' });
    const href = new URL(wizard.getAttribute('href')!, 'http://localhost');
    expect(href.pathname).toBe('/create/templates/platform/new-namespace');
    expect(JSON.parse(href.searchParams.get('formData')!)).toEqual({
      tenant: 'tenant:default/payments',
    });
  });

  it('hides the wizard link in a legacy app that binds no wizard', async () => {
    await renderInTestApp(
      <>
        <FleetLink />
        <RequestNamespaceButton tenantRef="tenant:default/payments" />
      </>,
      { mountedRoutes: { '/tenancy': tenancyLegacyPlugin.routes.root } },
    );
    expect(screen.getByRole('link', { name: 'Fleet' })).toBeVisible();
    expect(
      screen.queryByRole('link', { name: 'Request a namespace' }),
    ).not.toBeInTheDocument();
  });

  it('mounts the fleet page on the same ref', () => {
    expect(getComponentData(<TenancyFleetPage />, 'core.mountPoint')).toBe(
      tenancyLegacyPlugin.routes.root,
    );
  });

  it('shows the fleet page (`TenancyFleetPage`) under the plugin header, which a legacy app has no layout for', async () => {
    const getFleet = jest.fn(async () => ({
      generatedAt: '2026-11-21T12:00:00Z',
      items: [],
      vclusters: [],
      window: '7d' as const,
      currency: 'USD',
      costCenters: [],
      errors: [],
      sources: [],
      stale: false,
    }));
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            tenancyApiRef,
            {
              getFleet,
              getProvisioningMetrics: async () => noProvisioningHistory,
            },
          ],
        ]}
      >
        <LegacyFleetPage />
      </TestApiProvider>,
    );
    expect(
      await screen.findByRole('heading', { name: 'Tenants' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Fleet' })).toBeInTheDocument();
    expect(await screen.findByText('Tenants (0)')).toBeInTheDocument();
    expect(getFleet).toHaveBeenCalledWith({ window: '7d' });
  });
});
