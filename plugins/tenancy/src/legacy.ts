import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import type { CostWindow } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { tenancyApiRef } from './api/TenancyApi';
import type { QuotaThresholds } from './components/shared/quotaLevel';
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
export const TenancyFleetPage: (props: {
  thresholds?: QuotaThresholds;
}) => JSX.Element = tenancyLegacyPlugin.provide(
  createRoutableExtension({
    name: 'TenancyFleetPage',
    component: () => import('./components/FleetPage').then(m => m.FleetPage),
    mountPoint: rootRouteRef,
  }),
);

/** Legacy system: the Tenant overview card. @public */
export const EntityTenantOverviewCard: (props: {
  templateRef?: string;
}) => JSX.Element | null = tenancyLegacyPlugin.provide(
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
export const EntityTenantNamespacesCard: (props: {
  thresholds?: QuotaThresholds;
  templateRef?: string;
}) => JSX.Element = tenancyLegacyPlugin.provide(
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
export const EntityGroupTenantsCard: () => JSX.Element =
  tenancyLegacyPlugin.provide(
    createComponentExtension({
      name: 'EntityGroupTenantsCard',
      component: {
        lazy: () =>
          import('./components/GroupTenantsCard').then(m => m.GroupTenantsCard),
      },
    }),
  );

/** Legacy system: quota of a namespace, vCluster or Tenant. @public */
export const EntityTenancyQuotaCard: (props: {
  thresholds?: QuotaThresholds;
}) => JSX.Element = tenancyLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityTenancyQuotaCard',
    component: {
      lazy: () =>
        import('./components/EntityQuotaCard').then(m => m.EntityQuotaCard),
    },
  }),
);

/** Legacy system: cost of a namespace, vCluster or Tenant. @public */
export const EntityTenancyCostCard: (props: {
  defaultWindow?: CostWindow;
}) => JSX.Element = tenancyLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityTenancyCostCard',
    component: {
      lazy: () =>
        import('./components/EntityCostCard').then(m => m.EntityCostCard),
    },
  }),
);

/** Legacy system: Argo CD applications of a namespace, vCluster or Tenant. @public */
export const EntityTenancyArgoApplicationsCard: () => JSX.Element =
  tenancyLegacyPlugin.provide(
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
