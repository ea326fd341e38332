import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import GroupWorkIcon from '@material-ui/icons/GroupWork';
import { isTenantEntity } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { z } from 'zod/v4';
import { tenancyApiRef } from './api/TenancyApi';
import { TenancyClient } from './api/TenancyClient';
import { isTenancyAvailable } from './isTenancyAvailable';
import { rootRouteRef, templateWizardRouteRef } from './routes';

/** Card and page options for the quota bar colours. */
const thresholdsSchema = {
  warningThreshold: z
    .number()
    .min(0)
    .max(1)
    .default(0.8)
    .describe('Utilisation (0..1) from which a quota bar is a warning'),
  dangerThreshold: z
    .number()
    .min(0)
    .max(1)
    .default(0.95)
    .describe('Utilisation (0..1) from which a quota bar is a danger'),
};
const thresholdsOf = (config: {
  warningThreshold: number;
  dangerThreshold: number;
}) => ({ warning: config.warningThreshold, danger: config.dangerThreshold });

const templateRefSchema = {
  templateRef: z
    .string()
    .default('template:default/new-namespace')
    .describe('The template "Request a namespace" opens, pre-filled'),
};

/** The client of the tenancy backend. */
export const tenancyApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: tenancyApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => TenancyClient.create(deps),
    }),
});

/** The fleet page at /tenancy. */
export const fleetPage = PageBlueprint.makeWithOverrides({
  configSchema: thresholdsSchema,
  factory(originalFactory, { config }) {
    return originalFactory({
      path: '/tenancy',
      title: 'Tenants',
      icon: <GroupWorkIcon />,
      routeRef: rootRouteRef,
      loader: () =>
        import('./components/FleetPage').then(m => (
          <m.FleetPage thresholds={thresholdsOf(config)} />
        )),
    });
  },
});

/** The overview card on Tenant entity pages, with requests and the wizard link. */
export const tenantOverviewCard = EntityCardBlueprint.makeWithOverrides({
  name: 'tenant-overview',
  configSchema: templateRefSchema,
  factory(originalFactory, { config }) {
    return originalFactory({
      filter: isTenantEntity,
      type: 'info',
      loader: () =>
        import('./components/TenantOverviewCard').then(m => (
          <m.TenantOverviewCard templateRef={config.templateRef} />
        )),
    });
  },
});

/** Quota of a namespace or vCluster, or summed over a Tenant's namespaces. */
export const quotaCard = EntityCardBlueprint.makeWithOverrides({
  name: 'quota',
  configSchema: thresholdsSchema,
  factory(originalFactory, { config }) {
    return originalFactory({
      filter: isTenancyAvailable,
      type: 'content',
      loader: () =>
        import('./components/EntityQuotaCard').then(m => (
          <m.EntityQuotaCard thresholds={thresholdsOf(config)} />
        )),
    });
  },
});

/** The namespaces and vClusters of a Tenant with quota and Argo CD state. */
export const tenantNamespacesCard = EntityCardBlueprint.makeWithOverrides({
  name: 'tenant-namespaces',
  configSchema: { ...thresholdsSchema, ...templateRefSchema },
  factory(originalFactory, { config }) {
    return originalFactory({
      filter: isTenantEntity,
      type: 'content',
      loader: () =>
        import('./components/TenantNamespacesCard').then(m => (
          <m.TenantNamespacesCard
            thresholds={thresholdsOf(config)}
            templateRef={config.templateRef}
          />
        )),
    });
  },
});

/** Cost of a Tenant, namespace or vCluster. */
export const costCard = EntityCardBlueprint.makeWithOverrides({
  name: 'cost',
  configSchema: {
    defaultWindow: z
      .enum(['1d', '7d', '30d'])
      .default('7d')
      .describe('The cost window shown first'),
  },
  factory(originalFactory, { config }) {
    return originalFactory({
      filter: isTenancyAvailable,
      type: 'content',
      loader: () =>
        import('./components/EntityCostCard').then(m => (
          <m.EntityCostCard defaultWindow={config.defaultWindow} />
        )),
    });
  },
});

/** Argo CD applications of a Tenant, namespace or vCluster. */
export const argoApplicationsCard = EntityCardBlueprint.make({
  name: 'argocd-applications',
  params: {
    filter: isTenancyAvailable,
    type: 'content',
    loader: () =>
      import('./components/EntityArgoApplicationsCard').then(m => (
        <m.EntityArgoApplicationsCard />
      )),
  },
});

/** The tenants a Group owns, on the Group's page. */
export const groupTenantsCard = EntityCardBlueprint.make({
  name: 'group-tenants',
  params: {
    filter: 'kind:group',
    type: 'content',
    loader: () =>
      import('./components/GroupTenantsCard').then(m => <m.GroupTenantsCard />),
  },
});

/**
 * The tenancy frontend plugin (new frontend system).
 *
 * @public
 */
const formField = (
  name: string,
  field: keyof typeof import('./fields/formFields'),
) =>
  FormFieldBlueprint.make({
    name,
    params: {
      field: () => import('./fields/formFields').then(m => m[field]),
    },
  });

/** The wizard's fields (`ui:field` names in the README). */
export const tenantPickerField = formField(
  'tenant-picker',
  'tenantPickerFormField',
);
export const placementField = formField('placement', 'placementFormField');
export const namespaceNameField = formField(
  'namespace-name',
  'namespaceNameFormField',
);
export const quotaField = formField('quota', 'quotaFormField');

export const tenancyPlugin = createFrontendPlugin({
  pluginId: 'tenancy',
  extensions: [
    tenancyApi,
    fleetPage,
    tenantOverviewCard,
    quotaCard,
    tenantNamespacesCard,
    costCard,
    argoApplicationsCard,
    groupTenantsCard,
    tenantPickerField,
    placementField,
    namespaceNameField,
    quotaField,
  ],
  routes: {
    root: rootRouteRef,
  },
  externalRoutes: {
    templateWizard: templateWizardRouteRef,
  },
});
