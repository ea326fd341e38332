import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  PreparedChange,
  serializeManifests,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import {
  LocalGitPublisher,
  runProvisioning,
} from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { git } from './__testUtils__/runAction';
import { scaffolderRun } from './scaffolderRun';

/** A prepared change whose rendered Namespace has a field the API refuses. */
const corrupted = (): PreparedChange => ({
  problems: [],
  files: {
    'tenants/payments/dev/payments-api-dev/namespace.yaml': serializeManifests([
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'payments-api-dev' },
        spec: { finalizers: 'kubernetes' },
      },
    ]),
  },
  tenant: 'payments',
  subject: 'payments-api-dev',
  title: 'New namespace payments-api-dev',
  checks: [],
  describe: () => 'body',
});

describe('runProvisioning', () => {
  const dir = createMockDirectory();
  beforeEach(() => dir.clear());

  const setUp = async (isDryRun = false) => {
    const seed = join(dir.path, 'seed');
    await fs.mkdir(join(seed, 'tenants'), { recursive: true });
    await fs.writeFile(join(seed, 'tenants/.keep'), '');
    const repo = join(dir.path, 'repo');
    const publisher = await LocalGitPublisher.open({
      path: repo,
      seedFrom: seed,
    });
    const workspacePath = join(dir.path, 'workspace');
    await fs.mkdir(workspacePath, { recursive: true });
    const ctx = createMockActionContext({ input: {}, workspacePath });
    (ctx as any).isDryRun = isDryRun;
    return { publisher, repo, ctx, workspacePath };
  };

  it('refuses a change with an object its schema refuses: no branch, no commit, no record', async () => {
    const { publisher, repo, ctx, workspacePath } = await setUp();
    const tip = git(repo, 'rev-parse', 'HEAD');
    await expect(
      runProvisioning(scaffolderRun(ctx as any), publisher, {
        prepared: corrupted(),
        what: 'namespace',
        dryRun: 'write',
        whenOpenDiffers: 'conflict',
        requestedBy: 'user:default/alex',
      }),
    ).rejects.toThrow(
      'tenants/payments/dev/payments-api-dev/namespace.yaml: Namespace payments-api-dev at $.spec.finalizers: type: must be array (io.k8s.api.core.v1.Namespace (Kubernetes 1.36))',
    );
    expect(git(repo, 'branch', '--list', 'tenancy/*')).toBe('');
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(tip);
    expect(await publisher.listRequests()).toEqual([]);
    expect(await fs.readdir(workspacePath)).toEqual([]);
    expect(ctx.output).not.toHaveBeenCalled();
  });

  it('refuses it in a dry run too, before writing the workspace', async () => {
    const { publisher, ctx, workspacePath } = await setUp(true);
    await expect(
      runProvisioning(scaffolderRun(ctx as any), publisher, {
        prepared: corrupted(),
        what: 'namespace',
        dryRun: 'write',
        whenOpenDiffers: 'conflict',
        requestedBy: 'user:default/alex',
      }),
    ).rejects.toThrow(
      /renders objects their schemas refuse; nothing was written/,
    );
    expect(await fs.readdir(workspacePath)).toEqual([]);
  });

  it('refuses a kind without a schema rather than skipping it', async () => {
    const { publisher, repo, ctx } = await setUp();
    const prepared = corrupted();
    prepared.files = {
      'tenants/payments/dev/payments-api-dev/deployment.yaml':
        serializeManifests([
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            metadata: { name: 'api' },
          },
        ]),
    };
    await expect(
      runProvisioning(scaffolderRun(ctx as any), publisher, {
        prepared,
        what: 'namespace',
        dryRun: 'write',
        whenOpenDiffers: 'conflict',
        requestedBy: 'user:default/alex',
      }),
    ).rejects.toThrow('no schema for apiVersion/kind apps/v1/Deployment');
    expect(git(repo, 'branch', '--list', 'tenancy/*')).toBe('');
  });

  it('validates the files as composed against the base branch', async () => {
    const { publisher, repo, ctx } = await setUp();
    const prepared = corrupted();
    const valid = serializeManifests([
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'payments-api-dev' },
      },
    ]);
    prepared.files = {
      'tenants/payments/dev/payments-api-dev/namespace.yaml': valid,
    };
    await expect(
      runProvisioning(scaffolderRun(ctx as any), publisher, {
        prepared,
        what: 'namespace',
        dryRun: 'write',
        againstBase: async (_base, files) => ({
          ...files,
          'tenants/payments/appproject.yaml': serializeManifests([
            {
              apiVersion: 'argoproj.io/v1alpha1',
              kind: 'AppProject',
              metadata: { name: 'payments' },
              spec: { destinations: [{ server: 1 }] },
            },
          ]),
        }),
        whenOpenDiffers: 'conflict',
        requestedBy: 'user:default/alex',
      }),
    ).rejects.toThrow(
      'tenants/payments/appproject.yaml: AppProject payments at $.spec.destinations[0].server: type: must be string',
    );
    expect(git(repo, 'branch', '--list', 'tenancy/*')).toBe('');
  });
});
