import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  tenancyEntityReadPermission,
  tenancyProvisionAdminPermission,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { TenancyCatalogIndex } from './catalog/TenancyCatalogIndex';
import { readRefreshOptions } from './config/readRefreshOptions';
import {
  createPublisher,
  readTenancyConfig,
} from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { ProvisioningCheckService } from './provisioning/ProvisioningCheckService';
import { refreshOpenRequests } from './requests/refreshOpenRequests';
import { RequestOutcomeAuditor } from './requests/RequestOutcomeAuditor';
import { TenantRequestsService } from './requests/TenantRequestsService';
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
        auditor: coreServices.auditor,
        scheduler: coreServices.scheduler,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const { config, logger, scheduler } = deps;
        const refresh = readRefreshOptions(config);
        const tenancy = readTenancyConfig(config);
        const { sources, descriptors, currency } = createSources(
          config,
          logger,
          refresh.call,
        );
        const store = new SnapshotStore(deps.cache);
        // Both tenancy permissions, listed in this plugin's permission
        // metadata: tenancy.provision.admin is checked by the scaffolder
        // module's actions, tenancy.entity.read by this plugin's reads.
        deps.permissionsRegistry.addPermissions([
          tenancyEntityReadPermission,
          tenancyProvisionAdminPermission,
        ]);

        await scheduler.scheduleTask({
          id: 'tenancy-refresh-sources',
          ...refresh.schedule,
          // One replica at a time refreshes; the others read the cache.
          scope: 'global',
          fn: async () => {
            await refreshSources({ sources, store, logger });
          },
        });

        const catalogIndex = new TenancyCatalogIndex(deps.catalog, deps.auth);
        const summaries = new SummaryService(
          catalogIndex,
          new SnapshotReader(store, descriptors, {
            frequencyMs: refresh.frequencyMs,
            currency,
          }),
          deps.permissions,
        );
        // Opened on first use: a misconfigured repository fails the
        // requests list of the tenant page, not the plugin's start.
        let publisher: ReturnType<typeof createPublisher> | undefined;
        const openPublisher = () => {
          publisher ??= createPublisher(config).catch(error => {
            publisher = undefined;
            throw error;
          });
          return publisher;
        };
        // Reviewers merge in the forge: keep open requests mergeable one
        // after another by bringing them up to date once the base moves on.
        const refusals = new Map<string, string>();
        // Merges and closures happen outside Backstage: audit them as seen.
        const outcomes = new RequestOutcomeAuditor(deps.cache, deps.auditor);
        await scheduler.scheduleTask({
          id: 'tenancy-refresh-requests',
          frequency: tenancy.refreshRequests.frequency,
          timeout: { minutes: 5 },
          initialDelay: { seconds: 30 },
          scope: 'global',
          fn: async () => {
            const gitops = await openPublisher();
            if (!gitops) return;
            await refreshOpenRequests({
              publisher: gitops,
              logger: logger.child({ task: 'tenancy-refresh-requests' }),
              refusals,
              outcomes,
            });
          },
        });

        const requests = new TenantRequestsService(
          catalogIndex,
          deps.permissions,
          openPublisher,
          logger,
        );
        const provisioning = new ProvisioningCheckService(
          catalogIndex,
          deps.permissions,
          tenancy.policy,
          tenancy.layout,
          openPublisher,
        );
        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            summaries,
            requests,
            provisioning,
          }),
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
