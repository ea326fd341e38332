import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { tenancyEntityReadPermission } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { TenancyCatalogIndex } from './catalog/TenancyCatalogIndex';
import { readRefreshOptions } from './config/readRefreshOptions';
import { createRouter } from './router';
import { refreshSources } from './snapshots/refreshSources';
import { SnapshotReader } from './snapshots/SnapshotReader';
import { SnapshotStore } from './snapshots/SnapshotStore';
import { createSources } from './sources/createSources';
import { SummaryService } from './summary/SummaryService';

/**
 * The tenancy backend plugin: per-entity and fleet summaries of quota, cost
 * and Argo CD state, refreshed on a schedule into the shared cache.
 *
 * @public
 */
export const tenancyPlugin = createBackendPlugin({
  pluginId: 'tenancy',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        cache: coreServices.cache,
        scheduler: coreServices.scheduler,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const { config, logger, scheduler } = deps;
        const refresh = readRefreshOptions(config);
        const { sources, descriptors, currency } = createSources(
          config,
          logger,
          refresh.call,
        );
        const store = new SnapshotStore(deps.cache);
        deps.permissionsRegistry.addPermissions([tenancyEntityReadPermission]);

        await scheduler.scheduleTask({
          id: 'tenancy-refresh-sources',
          ...refresh.schedule,
          // One replica at a time refreshes; the others read the cache.
          scope: 'global',
          fn: async () => {
            await refreshSources({ sources, store, logger });
          },
        });

        const summaries = new SummaryService(
          new TenancyCatalogIndex(deps.catalog, deps.auth),
          new SnapshotReader(store, descriptors, {
            frequencyMs: refresh.frequencyMs,
            currency,
          }),
          deps.permissions,
        );
        deps.httpRouter.use(
          await createRouter({ httpAuth: deps.httpAuth, summaries }),
        );
        logger.info(
          `Tenancy aggregation over ${sources.length} sources: ${
            sources.map(s => s.id).join(', ') || 'none configured'
          }`,
        );
      },
    });
  },
});
