import {
  compatWrapper,
  convertLegacyRouteRef,
} from '@backstage/core-compat-api';
import { PageBlueprint } from '@backstage/frontend-plugin-api';
import GroupWorkIcon from '@material-ui/icons/GroupWork';
import { rootRouteRef } from '../routes';
import { extensionConfig } from './extensionConfig';

/** The fleet page at /tenancy: `page:tenancy`. */
const fleetPage = PageBlueprint.makeWithOverrides({
  configSchema: extensionConfig.thresholdsSchema,
  factory(originalFactory, { config }) {
    return originalFactory({
      path: '/tenancy',
      title: 'Tenants',
      icon: <GroupWorkIcon />,
      // The legacy plugin's ref, so that both systems route to the same page.
      routeRef: convertLegacyRouteRef(rootRouteRef),
      loader: () =>
        import('../components/FleetPage').then(m =>
          compatWrapper(
            <m.FleetPage thresholds={extensionConfig.thresholdsOf(config)} />,
          ),
        ),
    });
  },
});

/** The pages of the plugin. */
export const pages = [fleetPage];
