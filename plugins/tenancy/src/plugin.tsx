import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import GroupWorkIcon from '@material-ui/icons/GroupWork';
import { tenancyApiRef } from './api/TenancyApi';
import { TenancyClient } from './api/TenancyClient';
import { rootRouteRef } from './routes';

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
export const fleetPage = PageBlueprint.make({
  params: {
    path: '/tenancy',
    title: 'Tenants',
    icon: <GroupWorkIcon />,
    routeRef: rootRouteRef,
    loader: () => import('./components/FleetPage').then(m => <m.FleetPage />),
  },
});

/** The overview card on Tenant entity pages. */
export const tenantOverviewCard = EntityCardBlueprint.make({
  name: 'tenant-overview',
  params: {
    filter: 'kind:tenant',
    type: 'info',
    loader: () =>
      import('./components/TenantOverviewCard').then(m => (
        <m.TenantOverviewCard />
      )),
  },
});

/** The namespaces and vClusters of a Tenant, by environment and cluster. */
export const tenantNamespacesCard = EntityCardBlueprint.make({
  name: 'tenant-namespaces',
  params: {
    filter: 'kind:tenant',
    type: 'content',
    loader: () =>
      import('./components/TenantNamespacesCard').then(m => (
        <m.TenantNamespacesCard />
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
export const tenancyPlugin = createFrontendPlugin({
  pluginId: 'tenancy',
  extensions: [
    tenancyApi,
    fleetPage,
    tenantOverviewCard,
    tenantNamespacesCard,
    groupTenantsCard,
  ],
  routes: {
    root: rootRouteRef,
  },
});
