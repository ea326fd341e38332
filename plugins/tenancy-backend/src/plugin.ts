import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  actionsRegistryServiceRef,
  metricsServiceRef,
} from '@backstage/backend-plugin-api/alpha';
import { notificationService } from '@backstage/plugin-notifications-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  gitOpsEngineOf,
  tenancyEntityReadPermission,
  tenancyProvisionAdminPermission,
  tenancyVClusterKubeconfigReadPermission,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { registerTenancyActions } from './actions/registerTenancyActions';
import { TenancyCatalogIndex } from './catalog/TenancyCatalogIndex';
import { readRefreshOptions } from './config/readRefreshOptions';
import { migrateDatabase } from './database/migrateDatabase';
import { ProvisioningMetricsService } from './metrics/ProvisioningMetricsService';
import { ProvisioningTelemetry } from './metrics/ProvisioningTelemetry';
import { readSlaMinutes } from './metrics/readSlaMinutes';
import { StateNotifications } from './notifications/StateNotifications';
import { TenancyNotifier } from './notifications/TenancyNotifier';
import {
  createPublisher,
  readTenancyConfig,
} from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { ProvisioningCheckService } from './provisioning/ProvisioningCheckService';
import { ProvisioningHistory } from './requests/ProvisioningHistory';
import { refreshOpenRequests } from './requests/refreshOpenRequests';
import { RequestEventRecorder } from './requests/RequestEventRecorder';
import { RequestOutcomeAuditor } from './requests/RequestOutcomeAuditor';
import { TenantRequestsService } from './requests/TenantRequestsService';
import { createRouter } from './router';
import { refreshSources } from './snapshots/refreshSources';
import { SnapshotReader } from './snapshots/SnapshotReader';
import { SnapshotStore } from './snapshots/SnapshotStore';
import { kubernetesDescriptors } from './snapshots/kubernetesDescriptors';
import { createSources } from './sources/createSources';
import { KubernetesBackendClient } from './sources/kubernetes/KubernetesBackendClient';
import { KubernetesClusters } from './sources/kubernetes/KubernetesClusters';
import { GitOpsSource } from './sources/gitops/GitOpsSource';
import { Source } from './sources/types';
import { SummaryService } from './summary/SummaryService';
import { VClusterKubeconfigService } from './vcluster/VClusterKubeconfigService';

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
        discovery: coreServices.discovery,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        cache: coreServices.cache,
        auditor: coreServices.auditor,
        scheduler: coreServices.scheduler,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        database: coreServices.database,
        notifications: notificationService,
        metrics: metricsServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
        userInfo: coreServices.userInfo,
      },
      async init(deps) {
        const { config, logger, scheduler } = deps;
        const refresh = readRefreshOptions(config);
        const tenancy = readTenancyConfig(config);
        const { sources, descriptors, currency } = createSources(
          config,
          refresh.call,
        );
        // The clusters and their credentials are the Kubernetes backend's:
        // listed and read through it, as this plugin (README).
        const kubernetes = KubernetesBackendClient.create({
          discovery: deps.discovery,
          auth: deps.auth,
          policy: refresh.call,
        });
        const clusters = new KubernetesClusters(kubernetes, logger, {
          policyReports: refresh.policyReports,
          engineOf: cluster => gitOpsEngineOf(tenancy.policy, cluster),
        });
        const store = new SnapshotStore(deps.cache);
        const db = await migrateDatabase(deps.database);
        const notifier = TenancyNotifier.fromConfig(config, {
          notifications: deps.notifications,
          database: db,
          logger,
        });
        // Both tenancy permissions, listed in this plugin's permission
        // metadata: tenancy.provision.admin is checked by the scaffolder
        // module's actions, tenancy.entity.read by this plugin's reads.
        deps.permissionsRegistry.addPermissions([
          tenancyEntityReadPermission,
          tenancyProvisionAdminPermission,
          tenancyVClusterKubeconfigReadPermission,
        ]);

        // Opened on first use: a misconfigured repository fails the
        // requests list of the tenant page and the GitOps source, not the
        // plugin's start.
        let publisher: ReturnType<typeof createPublisher> | undefined;
        const openPublisher = () => {
          publisher ??= createPublisher(config).catch(error => {
            publisher = undefined;
            throw error;
          });
          return publisher;
        };
        // The default branch, for drift: only where a repository is configured.
        // One source for every refresh, so it remembers the commit it read.
        const gitopsSource = new GitOpsSource(
          'default',
          () => openPublisher().then(p => p!),
          tenancy.layout,
        );
        const gitopsSources = async (): Promise<Source[]> => {
          if (!refresh.drift) return [];
          const configured = await openPublisher().then(
            p => p !== undefined,
            () => true,
          );
          return configured ? [gitopsSource] : [];
        };

        const catalogIndex = new TenancyCatalogIndex(deps.catalog, deps.auth);
        const snapshots = new SnapshotReader(store, descriptors, {
          frequencyMs: refresh.frequencyMs,
          currency,
        });
        // Quota, deployment, cost, source, drift and policy notifications,
        // from what each refresh stored.
        const stateNotifications = StateNotifications.fromConfig(config, {
          notifier,
          database: db,
          catalogIndex,
          reader: snapshots,
          logger,
        });
        await scheduler.scheduleTask({
          id: 'tenancy-refresh-sources',
          ...refresh.schedule,
          // One replica at a time refreshes; the others read the cache.
          scope: 'global',
          fn: async () => {
            const previous = kubernetesDescriptors(
              await store.readIndex(),
              'kubernetes',
            );
            // The repository after the upstreams: reading it can take long
            // (a file at a time), and the upstreams' data is stored without
            // waiting for it. Each call keeps the other's states.
            await refreshSources({
              sources: [
                ...(await clusters.sources(previous.map(d => d.name))),
                ...sources,
              ],
              store,
              logger,
              carry: state => state.kind === 'gitops',
            });
            await refreshSources({
              sources: await gitopsSources(),
              store,
              logger,
              carry: state => state.kind !== 'gitops',
            });
            await stateNotifications.run();
          },
        });

        const summaries = new SummaryService(
          catalogIndex,
          snapshots,
          deps.permissions,
          tenancy.policy.vcluster,
        );
        // Reviewers merge in the forge: keep open requests mergeable one
        // after another by bringing them up to date once the base moves on.
        const refusals = new Map<string, string>();
        // Merges, closures and readiness happen outside Backstage: recorded
        // as seen in the provisioning history, and announced from there.
        const history = await ProvisioningHistory.create(db);
        const recorder = new RequestEventRecorder({
          history,
          catalogIndex,
          snapshots,
          notifier,
          outcomes: new RequestOutcomeAuditor(deps.auditor),
          telemetry: new ProvisioningTelemetry(deps.metrics, () =>
            history.openCount(),
          ),
          logger,
        });
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
              history: recorder,
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
        // Tools for AI agents, through the actions registry (README).
        registerTenancyActions(deps.actionsRegistry, {
          summaries,
          requests,
          provisioning,
          auth: deps.auth,
          deps: {
            catalog: deps.catalog,
            userInfo: deps.userInfo,
            permissions: deps.permissions,
            auditor: deps.auditor,
            layout: tenancy.layout,
            policy: tenancy.policy,
          },
          publisher: openPublisher,
        });
        const provisioningMetrics = new ProvisioningMetricsService(
          history,
          catalogIndex,
          deps.permissions,
          readSlaMinutes(config),
        );
        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            summaries,
            requests,
            provisioning,
            provisioningMetrics,
            kubeconfigs: new VClusterKubeconfigService(
              catalogIndex,
              deps.permissions,
              kubernetes,
              deps.auditor,
            ),
          }),
        );
        logger.info(
          `Tenancy aggregation over the Kubernetes backend's clusters and ${
            sources.length
          } other sources: ${
            sources.map(s => s.id).join(', ') || 'none configured'
          }`,
        );
      },
    });
  },
});
