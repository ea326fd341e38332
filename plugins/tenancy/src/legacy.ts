import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { tenancyApiRef } from './api/TenancyApi';
import { TenancyClient } from './api/TenancyClient';
import { rootRouteRef, templateWizardRouteRef } from './routes';

/**
 * The tenancy plugin for apps still on the legacy frontend system. It shares
 * the API client, the components and the route refs of the default (new
 * system) export: bind `externalRoutes.templateWizard` to the scaffolder's
 * `selectedTemplate` route for the "Request a namespace" link.
 *
 * @public
 */
export const tenancyLegacyPlugin = createPlugin({
  id: 'tenancy',
  apis: [
    createApiFactory({
      api: tenancyApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => TenancyClient.create(deps),
    }),
  ],
  routes: { root: rootRouteRef },
  externalRoutes: { templateWizard: templateWizardRouteRef },
});

/** Legacy system: the fleet page, to mount at `/tenancy`. @public */
export const TenancyFleetPage = tenancyLegacyPlugin.provide(
  createRoutableExtension({
    name: 'TenancyFleetPage',
    component: () => import('./components/FleetPage').then(m => m.FleetPage),
    mountPoint: rootRouteRef,
  }),
);

/** Legacy system: the Tenant overview card. @public */
export const EntityTenantOverviewCard = tenancyLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityTenantOverviewCard',
    component: {
      lazy: () =>
        import('./components/TenantOverviewCard').then(
          m => m.TenantOverviewCard,
        ),
    },
  }),
);

/** Legacy system: the namespaces and vClusters of a Tenant. @public */
export const EntityTenantNamespacesCard = tenancyLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityTenantNamespacesCard',
    component: {
      lazy: () =>
        import('./components/TenantNamespacesCard').then(
          m => m.TenantNamespacesCard,
        ),
    },
  }),
);

/** Legacy system: the tenants a Group owns. @public */
export const EntityGroupTenantsCard = tenancyLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityGroupTenantsCard',
    component: {
      lazy: () =>
        import('./components/GroupTenantsCard').then(m => m.GroupTenantsCard),
    },
  }),
);

/** Legacy system: quota of a namespace, vCluster or Tenant. @public */
export const EntityTenancyQuotaCard = tenancyLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityTenancyQuotaCard',
    component: {
      lazy: () =>
        import('./components/EntityQuotaCard').then(m => m.EntityQuotaCard),
    },
  }),
);

/** Legacy system: cost of a namespace, vCluster or Tenant. @public */
export const EntityTenancyCostCard = tenancyLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityTenancyCostCard',
    component: {
      lazy: () =>
        import('./components/EntityCostCard').then(m => m.EntityCostCard),
    },
  }),
);

/** Legacy system: Argo CD applications of a namespace, vCluster or Tenant. @public */
export const EntityTenancyArgoApplicationsCard = tenancyLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityTenancyArgoApplicationsCard',
    component: {
      lazy: () =>
        import('./components/EntityArgoApplicationsCard').then(
          m => m.EntityArgoApplicationsCard,
        ),
    },
  }),
);
