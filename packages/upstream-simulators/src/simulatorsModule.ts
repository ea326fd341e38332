import { resolve } from 'node:path';
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { createSimulatorServer } from './createSimulatorServer';
import { cachedWorld } from './world/cachedWorld';
import { worldFromGitOpsRepo } from './world/worldFromGitOpsRepo';

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
        const sim = config.getOptionalConfig('tenancySimulators');
        if (!sim?.getOptionalBoolean('enabled')) return;
        const repo = resolve(sim.getString('gitopsRepo'));
        const layout = {
          argocd: sim.getConfigArray('argocd').map(i => ({
            name: i.getString('name'),
            clusters: i.getStringArray('clusters'),
          })),
          cost: sim.getConfigArray('cost').map(i => ({
            name: i.getString('name'),
            clusters: i.getStringArray('clusters'),
          })),
        };
        const server = await createSimulatorServer({
          getWorld: cachedWorld(() => worldFromGitOpsRepo(repo, layout), 5000),
          port: sim.getNumber('port'),
          controls: { latencyMs: sim.getOptionalNumber('latencyMs') ?? 0 },
        });
        logger.warn(
          `Simulated Kubernetes, Argo CD and cost APIs on ${server.url}, from ${repo}; not for production`,
        );
        lifecycle.addShutdownHook(() => server.close());
      },
    });
  },
});
