import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { createRouter } from './router';
import { DefaultFleetService } from './services/FleetService';

/**
 * The tenancy backend plugin: per-tenant and fleet views of the platform.
 *
 * @public
 */
export const tenancyPlugin = createBackendPlugin({
  pluginId: 'tenancy',
  register(env) {
    env.registerInit({
      deps: {
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        catalog: catalogServiceRef,
      },
      async init({ httpAuth, httpRouter, catalog }) {
        httpRouter.use(
          await createRouter({
            httpAuth,
            fleet: DefaultFleetService.create({ catalog }),
          }),
        );
      },
    });
  },
});
