import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { TenantEntitiesProcessor } from './processor/TenantEntitiesProcessor';
import { TenancyEntityProvider } from './provider/TenancyEntityProvider';

/**
 * Catalog module of the tenancy plugins: the Tenant kind, its relations, and
 * the GitOps-repository entity providers.
 *
 * @public
 */
export const catalogModuleTenancy = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'tenancy',
  register({ registerInit }) {
    registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        reader: coreServices.urlReader,
        processing: catalogProcessingExtensionPoint,
      },
      async init({ config, logger, scheduler, reader, processing }) {
        processing.addProcessor(TenantEntitiesProcessor.fromConfig(config));
        processing.addEntityProvider(
          TenancyEntityProvider.fromConfig(config, {
            logger,
            scheduler,
            reader,
          }),
        );
      },
    });
  },
});
