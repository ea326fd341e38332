import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { ConfigSources } from '@backstage/config-loader';
import { LocalGitPublisher } from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { SimulatorServer } from './createSimulatorServer';
import {
  GitOpsRepoSimulatorOptions,
  readSimulatorOptions,
  serveGitOpsRepo,
} from './serveGitOpsRepo';

const repoRoot = resolvePackagePath('@internal/upstream-simulators', '../..');

const usage =
  'usage: yarn simulators:start --gitops-repo <path> [--port <n>] [--config <app-config file>...]';

function portOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new Error(`--port must be a port number (0-65535), got "${value}"`);
  }
  return port;
}

/**
 * Starts the simulators as their own process, outside a Backstage backend
 * (`yarn simulators:start`): reads `tenancySimulators` from the given config
 * files (the repository's `app-config.yaml` when none is given) with `--port`
 * and `--gitops-repo` replacing its port and repository. A repository that
 * does not exist is created from `examples/gitops-repo`, as the embedded
 * default's local publisher does. Relative paths are relative to `cwd`.
 */
export async function startSimulators(
  args: string[],
  cwd: string,
): Promise<{ server: SimulatorServer; options: GitOpsRepoSimulatorOptions }> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      'gitops-repo': { type: 'string' },
      config: { type: 'string', multiple: true },
    },
  });
  if (!values['gitops-repo']) {
    throw new Error(`--gitops-repo is required; ${usage}`);
  }
  const gitopsRepo = resolve(cwd, values['gitops-repo']);
  const config = await ConfigSources.toConfig(
    ConfigSources.default({
      rootDir: repoRoot,
      argv: (values.config ?? []).flatMap(c => ['--config', resolve(cwd, c)]),
    }),
  );
  config.close();
  const options = readSimulatorOptions(config, {
    port: portOption(values.port),
    gitopsRepo,
  });
  if (!existsSync(gitopsRepo)) {
    await LocalGitPublisher.open({
      path: gitopsRepo,
      seedFrom: resolve(repoRoot, 'examples/gitops-repo'),
    });
  }
  return { server: await serveGitOpsRepo(options), options };
}

if (require.main === module) {
  startSimulators(process.argv.slice(2), process.env.INIT_CWD ?? process.cwd())
    .then(({ server, options }) => {
      const stop = () => server.close().then(() => process.exit(0));
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
      // eslint-disable-next-line no-console
      console.log(
        `Simulated Kubernetes, Argo CD and cost APIs on ${server.url}, from ${options.gitopsRepo}; not for production\n` +
          `simulators listening on :${new URL(server.url).port}`,
      );
    })
    .catch(e => {
      // eslint-disable-next-line no-console
      console.error(`simulators: ${(e as Error).message}`);
      process.exit(1);
    });
}
