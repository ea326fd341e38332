import { resolve } from 'node:path';
import { RootConfigService } from '@backstage/backend-plugin-api';
import {
  createSimulatorServer,
  SimulatorServer,
} from './createSimulatorServer';
import { SimulatedDrift, SimulatorControls } from './SimulatorControls';
import { validControls } from './validControls';
import { cachedWorld } from './world/cachedWorld';
import { SimulatedPolicyEngine } from './world/SimulatedWorld';
import {
  InstanceLayout,
  worldFromGitOpsRepo,
} from './world/worldFromGitOpsRepo';

/** What the simulators serve and where: the `tenancySimulators` settings. */
export interface GitOpsRepoSimulatorOptions {
  port: number;
  /** Absolute path of the GitOps repository whose tenants the clusters hold. */
  gitopsRepo: string;
  latencyMs: number;
  layout: InstanceLayout;
  /** Drift of the clusters from the repository, by cluster (the `drift` control). */
  drift: Record<string, SimulatedDrift>;
  /** vCluster control planes by cluster and host namespace (the `vclusters` control). */
  vclusters: SimulatorControls['vclusters'];
}

const POLICY_ENGINES: SimulatedPolicyEngine[] = [
  'kyverno',
  'kyverno-openreports',
  'gatekeeper',
];

/**
 * Reads `tenancySimulators` (packages/upstream-simulators/config.d.ts) and
 * the clusters `tenancy.policy.clusters.<cluster>.engine` puts on Flux;
 * `overrides` replace the port and the repository (the standalone command's
 * `--port` and `--gitops-repo`). A relative `gitopsRepo` is resolved against
 * the working directory.
 */
export function readSimulatorOptions(
  config: RootConfigService,
  overrides: { port?: number; gitopsRepo?: string } = {},
): GitOpsRepoSimulatorOptions {
  const sim = config.getConfig('tenancySimulators');
  const instances = (key: 'argocd' | 'cost') =>
    sim.getConfigArray(key).map(i => ({
      name: i.getString('name'),
      clusters: i.getStringArray('clusters'),
    }));
  const policyEngines = (sim.getOptionalConfigArray('policyEngines') ?? []).map(
    (p, i) => {
      const engine = p.getString('engine') as SimulatedPolicyEngine;
      if (!POLICY_ENGINES.includes(engine)) {
        throw new Error(
          `tenancySimulators.policyEngines[${i}].engine must be one of ${POLICY_ENGINES.join(
            ', ',
          )}`,
        );
      }
      return { engine, clusters: p.getStringArray('clusters') };
    },
  );
  let drift: Record<string, SimulatedDrift>;
  let vclusters: SimulatorControls['vclusters'];
  try {
    const controls = validControls({
      drift: sim.getOptional('drift'),
      vclusters: sim.getOptional('vclusters'),
    });
    drift = controls.drift ?? {};
    vclusters = controls.vclusters ?? {};
  } catch (e) {
    throw new Error(`tenancySimulators.${(e as Error).message}`);
  }
  // The platform's own setting, so the simulated clusters run the engine the
  // provisioning actions render for: tenancy.policy.clusters.<c>.engine.
  const policyClusters = config.getOptionalConfig('tenancy.policy.clusters');
  const fluxClusters = (policyClusters?.keys() ?? []).filter(
    c => policyClusters?.getOptionalString(`${c}.engine`) === 'flux',
  );
  return {
    port: overrides.port ?? sim.getNumber('port'),
    gitopsRepo: resolve(overrides.gitopsRepo ?? sim.getString('gitopsRepo')),
    latencyMs: sim.getOptionalNumber('latencyMs') ?? 0,
    layout: {
      argocd: instances('argocd'),
      cost: instances('cost'),
      policyEngines,
      fluxClusters,
    },
    drift,
    vclusters,
  };
}

/**
 * Starts the simulators on what the clusters would hold once the GitOps
 * repository is applied, re-read at most every 5 seconds so merged requests
 * show up, with the configured drift.
 */
export function serveGitOpsRepo(
  options: GitOpsRepoSimulatorOptions,
): Promise<SimulatorServer> {
  return createSimulatorServer({
    getWorld: cachedWorld(
      () => worldFromGitOpsRepo(options.gitopsRepo, options.layout),
      5000,
    ),
    port: options.port,
    controls: {
      latencyMs: options.latencyMs,
      drift: options.drift,
      vclusters: options.vclusters,
    },
  });
}
