import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { readSimulatorOptions, serveGitOpsRepo } from './serveGitOpsRepo';

/**
 * Starts the simulated upstreams inside the embedded default's backend when
 * `tenancySimulators.enabled` is true, serving what the clusters would hold
 * once the GitOps repository at `tenancySimulators.gitopsRepo` is applied.
 * Production configuration leaves it off.
 */
export const simulatorsModule = createBackendModule({
  pluginId: 'tenancy',
  moduleId: 'upstream-simulators',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        lifecycle: coreServices.rootLifecycle,
      },
      async init({ config, logger, lifecycle }) {
        if (!config.getOptionalBoolean('tenancySimulators.enabled')) return;
        const options = readSimulatorOptions(config);
        const server = await serveGitOpsRepo(options);
        logger.warn(
          `Simulated Kubernetes, Argo CD and cost APIs on ${server.url}, from ${options.gitopsRepo}; not for production`,
        );
        lifecycle.addShutdownHook(() => server.close());
      },
    });
  },
});
