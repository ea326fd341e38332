import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
// The core API refs: the very refs (same ids) that `@backstage/core-plugin-api`
// re-exports as the deprecated `discoveryApiRef` and `fetchApiRef`, which a
// legacy app's `createApp` provides.
import { coreApis } from '@backstage/frontend-plugin-api';
import {
  createScaffolderFieldExtension,
  FieldExtensionComponent,
} from '@backstage/plugin-scaffolder-react';
import type { CostWindow } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { tenancyApiRef } from './api/TenancyApi';
import type { QuotaThresholds } from './components/shared/quotaLevel';
import { TenancyClient } from './api/TenancyClient';
import { fieldOptions } from './fields/fieldOptions';
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
      deps: { discoveryApi: coreApis.discovery, fetchApi: coreApis.fetch },
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
    component: () =>
      import('./components/FleetPage').then(m => m.LegacyFleetPage),
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

/** Legacy system: policy report results of a namespace, vCluster or Tenant. @public */
export const EntityTenancyPolicyCard: (props: {
  exceptionTemplateRef?: string;
}) => JSX.Element = tenancyLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityTenancyPolicyCard',
    component: {
      lazy: () =>
        import('./components/EntityPolicyCard').then(m => m.EntityPolicyCard),
    },
  }),
);

/** Legacy system: drift between Git and the cluster of a namespace, vCluster or Tenant. @public */
export const EntityTenancyDriftCard: (props: {
  adoptTemplateRef?: string;
}) => JSX.Element = tenancyLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityTenancyDriftCard',
    component: {
      lazy: () =>
        import('./components/EntityDriftCard').then(m => m.EntityDriftCard),
    },
  }),
);

/** Legacy system: dashboards, logs and alerts of a namespace, vCluster or Tenant. @public */
export const EntityTenancyObservabilityLinksCard: () => JSX.Element | null =
  tenancyLegacyPlugin.provide(
    createComponentExtension({
      name: 'EntityTenancyObservabilityLinksCard',
      component: {
        lazy: () =>
          import('./components/EntityObservabilityLinksCard').then(
            m => m.EntityObservabilityLinksCard,
          ),
      },
    }),
  );

/** Legacy system: API server, connect command and kubeconfig download of a vCluster. @public */
export const EntityTenancyVClusterAccessCard: () => JSX.Element =
  tenancyLegacyPlugin.provide(
    createComponentExtension({
      name: 'EntityTenancyVClusterAccessCard',
      component: {
        lazy: () =>
          import('./components/EntityVClusterAccessCard').then(
            m => m.EntityVClusterAccessCard,
          ),
      },
    }),
  );

/** Legacy system: control plane state, chart version vs the pinned one, Kubernetes and Argo CD state of a vCluster. @public */
export const EntityTenancyVClusterStateCard: () => JSX.Element =
  tenancyLegacyPlugin.provide(
    createComponentExtension({
      name: 'EntityTenancyVClusterStateCard',
      component: {
        lazy: () =>
          import('./components/EntityVClusterStateCard').then(
            m => m.EntityVClusterStateCard,
          ),
      },
    }),
  );

/**
 * Legacy system: the wizard's tenant picker, `ui:field: TenancyTenantPicker`.
 * Put it inside `<ScaffolderFieldExtensions>` of the scaffolder route.
 *
 * @public
 */
export const TenancyTenantPickerFieldExtension: FieldExtensionComponent<
  string,
  {}
> = tenancyLegacyPlugin.provide(
  createScaffolderFieldExtension(fieldOptions.tenantPicker),
);

/**
 * Legacy system: the wizard's environment and cluster,
 * `ui:field: TenancyPlacementPicker`.
 *
 * @public
 */
export const TenancyPlacementPickerFieldExtension: FieldExtensionComponent<
  { environment?: string; cluster?: string },
  {}
> = tenancyLegacyPlugin.provide(
  createScaffolderFieldExtension(fieldOptions.placement),
);

/**
 * Legacy system: the wizard's namespace name, checked as the user types,
 * `ui:field: TenancyNamespaceName`.
 *
 * @public
 */
export const TenancyNamespaceNameFieldExtension: FieldExtensionComponent<
  string,
  {}
> = tenancyLegacyPlugin.provide(
  createScaffolderFieldExtension(fieldOptions.namespaceName),
);

/**
 * Legacy system: the wizard's quota (a size or custom values),
 * `ui:field: TenancyQuota`.
 *
 * @public
 */
export const TenancyQuotaFieldExtension: FieldExtensionComponent<
  { size?: string; quota?: Record<string, string> },
  {}
> = tenancyLegacyPlugin.provide(
  createScaffolderFieldExtension(fieldOptions.quota),
);
