import { useRouteRef } from '@backstage/core-plugin-api';
import {
  createFrontendPlugin,
  createRouteRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { RequestNamespaceButton } from './components/shared/RequestNamespaceButton';
import { tenancyLegacyPlugin } from './legacy';
import { tenancyPlugin } from './plugin';
import { rootRouteRef, templateWizardRouteRef } from './routes';

/** Links to the fleet page, resolved from the plugin's route ref. */
function FleetLink() {
  const fleet = useRouteRef(rootRouteRef);
  return <a href={fleet()}>Fleet</a>;
}

/** A scaffolder with its template page where the real one has it. */
function fakeScaffolder() {
  const selectedTemplate = createRouteRef({
    params: ['namespace', 'templateName'],
  });
  return createFrontendPlugin({
    pluginId: 'scaffolder',
    routes: { selectedTemplate },
    extensions: [
      PageBlueprint.make({
        params: {
          path: '/create/templates/:namespace/:templateName',
          routeRef: selectedTemplate,
          loader: async () => <div>wizard</div>,
        },
      }),
    ],
  });
}

/** A page at / with the links under test. */
const probePage = PageBlueprint.make({
  name: 'probe',
  params: {
    path: '/',
    loader: async () => (
      <>
        <FleetLink />
        <RequestNamespaceButton tenantRef="tenant:default/payments" />
      </>
    ),
  },
});

describe('tenancyPlugin', () => {
  it('has the route refs of the legacy plugin, not copies', () => {
    expect(tenancyPlugin.routes.root).toBe(rootRouteRef);
    expect(tenancyLegacyPlugin.routes.root).toBe(rootRouteRef);
    expect(tenancyPlugin.externalRoutes.templateWizard).toBe(
      templateWizardRouteRef,
    );
    expect(tenancyLegacyPlugin.externalRoutes.templateWizard).toBe(
      templateWizardRouteRef,
    );
  });

  it('keeps the extension ids apps configure', () => {
    for (const id of [
      'api:tenancy',
      'page:tenancy',
      'entity-card:tenancy/tenant-overview',
      'entity-card:tenancy/quota',
      'entity-card:tenancy/tenant-namespaces',
      'entity-card:tenancy/cost',
      'entity-card:tenancy/argocd-applications',
      'entity-card:tenancy/policy',
      'entity-card:tenancy/drift',
      'entity-card:tenancy/observability-links',
      'entity-card:tenancy/group-tenants',
      'entity-card:tenancy/vcluster-access',
      'entity-card:tenancy/vcluster-state',
      'scaffolder-form-field:tenancy/tenant-picker',
      'scaffolder-form-field:tenancy/placement',
      'scaffolder-form-field:tenancy/namespace-name',
      'scaffolder-form-field:tenancy/quota',
    ] as const) {
      expect(tenancyPlugin.getExtension(id)).toBeDefined();
    }
  });

  it('mounts the fleet page on that ref and, unbound, leads to the scaffolder wizard', async () => {
    // No bindRoutes and no app.routes.bindings, as in packages/app.
    await renderTestApp({
      features: [tenancyPlugin, fakeScaffolder()],
      extensions: [probePage],
    });
    expect(await screen.findByRole('link', { name: 'Fleet' })).toHaveAttribute(
      'href',
      '/tenancy',
    );
    const wizard = screen.getByRole('link', { name: 'Request a namespace' });
    const href = new URL(wizard.getAttribute('href')!, 'http://localhost');
    expect(href.pathname).toBe('/create/templates/default/new-namespace');
    expect(JSON.parse(href.searchParams.get('formData')!)).toEqual({
      tenant: 'tenant:default/payments',
    });
  });

  it('shows no wizard link when the app has no wizard', async () => {
    await renderTestApp({ features: [tenancyPlugin], extensions: [probePage] });
    expect(await screen.findByRole('link', { name: 'Fleet' })).toBeVisible();
    expect(
      screen.queryByRole('link', { name: 'Request a namespace' }),
    ).not.toBeInTheDocument();
  });
});
