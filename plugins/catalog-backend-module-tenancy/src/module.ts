import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { TenantEntitiesProcessor } from './processor/TenantEntitiesProcessor';

/**
 * Catalog module of the tenancy plugins: the Tenant kind and its relations.
 *
 * @public
 */
export const catalogModuleTenancy = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'tenancy',
  register({ registerInit }) {
    registerInit({
      deps: { processing: catalogProcessingExtensionPoint },
      async init({ processing }) {
        processing.addProcessor(new TenantEntitiesProcessor());
      },
    });
  },
});
