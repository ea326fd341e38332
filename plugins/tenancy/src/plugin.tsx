import { convertLegacyRouteRefs } from '@backstage/core-compat-api';
import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { apis } from './extensions/apis';
import { entityCards } from './extensions/entityCards';
import { pages } from './extensions/pages';
import { scaffolderFields } from './extensions/scaffolderFields';
import { rootRouteRef, templateWizardRouteRef } from './routes';

/**
 * The tenancy frontend plugin (new frontend system). Its route refs are the
 * legacy plugin's (`tenancyLegacyPlugin`), converted, so that both systems
 * route to and bind the same refs.
 *
 * @public
 */
export const tenancyPlugin = createFrontendPlugin({
  pluginId: 'tenancy',
  extensions: [...apis, ...pages, ...entityCards, ...scaffolderFields],
  routes: convertLegacyRouteRefs({ root: rootRouteRef }),
  externalRoutes: convertLegacyRouteRefs({
    templateWizard: templateWizardRouteRef,
  }),
});
