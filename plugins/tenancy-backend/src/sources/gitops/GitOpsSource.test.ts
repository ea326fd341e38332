import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GitOpsLayout } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { LocalGitPublisher } from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { GitOpsSource } from './GitOpsSource';

const SEED = resolve(__dirname, '../../../../../examples/gitops-repo');

// Each test seeds and reads a git repository of the examples: seconds on a
// loaded CI machine.
jest.setTimeout(30_000);

describe('GitOpsSource', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(join(tmpdir(), 'tenancy-gitops-source-'));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  const open = () =>
    LocalGitPublisher.open({ path: join(dir, 'repo'), seedFrom: SEED });
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: join(dir, 'repo') })
      .toString()
      .trim();
  const commit = (message: string) => {
    git('add', '--all');
    git(
      '-c',
      'user.name=t',
      '-c',
      'user.email=t@example.com',
      'commit',
      '-qm',
      message,
    );
  };

  it("reads every namespace and vCluster folder of the example repository's default branch", async () => {
    const source = new GitOpsSource('default', open, GitOpsLayout.create());
    expect(source.id).toBe('gitops:default');
    const snapshot = await source.fetch();
    const folders = (
      await fs.readdir(join(SEED, 'tenants'), { recursive: true })
    ).filter(p => p.endsWith('catalog-info.yaml'));
    expect(snapshot.namespaces).toHaveLength(folders.length);
    const payments = snapshot.namespaces.find(
      n => n.namespace === 'payments-api-prod',
    )!;
    expect(payments).toMatchObject({
      cluster: 'prod-eu-1',
      tenant: 'payments',
      environment: 'prod',
      type: 'kubernetes-namespace',
      path: 'tenants/payments/prod/payments-api-prod',
      quotas: [
        {
          name: 'tenant-quota',
          hard: expect.objectContaining({
            'requests.storage': '2Ti',
            pods: '30',
          }),
        },
      ],
    });
    expect(payments.labels?.['tenancy.io/tenant']).toBe('payments');
    expect(payments.limitRanges[0].limits[0]).toHaveProperty('defaultRequest');
    const vcluster = snapshot.namespaces.find(
      n => n.namespace === 'data-platform-vc-sandbox-dev',
    )!;
    expect(vcluster).toMatchObject({
      type: 'vcluster',
      cluster: 'nonprod-eu-1',
      quotas: [],
      limitRanges: [],
    });
    expect(vcluster.labels?.['tenancy.io/tenant']).toBe('data-platform');
  });

  it('reads what is committed, and names a file that does not parse', async () => {
    const publisher = await open();
    const file = join(
      dir,
      'repo/tenants/search/dev/search-dev/resourcequota.yaml',
    );
    await fs.writeFile(file, 'kind: ResourceQuota\nspec: [unclosed\n');
    const source = new GitOpsSource(
      'default',
      async () => publisher,
      GitOpsLayout.create(),
    );
    // Not committed yet: the default branch still has the good file.
    expect(
      (await source.fetch()).namespaces.find(n => n.namespace === 'search-dev')
        ?.quotas,
    ).toHaveLength(1);
    commit('break a quota');
    const broken =
      /^tenants\/search\/dev\/search-dev\/resourcequota\.yaml on the default branch does not parse: /;
    await expect(source.fetch()).rejects.toThrow(broken);
    // Not the snapshot of the commit before: the branch's commit is read again.
    await expect(source.fetch()).rejects.toThrow(broken);
  });

  it('reads the branch once per commit, all at that commit, and again once it moves', async () => {
    const publisher = await open();
    const calls = {
      baseRevision: jest.spyOn(publisher, 'baseRevision'),
      listFiles: jest.spyOn(publisher, 'listFiles'),
      readFile: jest.spyOn(publisher, 'readFile'),
    };
    const counts = () =>
      Object.fromEntries(
        Object.entries(calls).map(([name, spy]) => [
          name,
          spy.mock.calls.length,
        ]),
      );
    const source = new GitOpsSource(
      'default',
      async () => publisher,
      GitOpsLayout.create(),
    );
    const seeded = git('rev-parse', 'main');
    // The four files of each namespace folder, as committed.
    const reads = git('ls-tree', '-r', '--name-only', seeded, '--', 'tenants')
      .split('\n')
      .filter(p =>
        /^tenants(\/[^/]+){3}\/(catalog-info|namespace|resourcequota|limitrange)\.yaml$/.test(
          p,
        ),
      ).length;
    const first = await source.fetch();
    expect(counts()).toEqual({
      baseRevision: 1,
      listFiles: 1,
      readFile: reads,
    });
    expect(
      [...calls.listFiles.mock.calls, ...calls.readFile.mock.calls].every(
        ([, options]) => options?.ref === seeded,
      ),
    ).toBe(true);

    // Unchanged branch: one call, the same snapshot.
    await expect(source.fetch()).resolves.toBe(first);
    expect(counts()).toEqual({
      baseRevision: 2,
      listFiles: 1,
      readFile: reads,
    });

    const file = join(
      dir,
      'repo/tenants/search/dev/search-dev/resourcequota.yaml',
    );
    await fs.writeFile(
      file,
      (await fs.readFile(file, 'utf8')).replace(/pods: .*/, 'pods: "7"'),
    );
    commit('fewer pods for search-dev');
    const moved = git('rev-parse', 'main');
    const second = await source.fetch();
    expect(
      second.namespaces.find(n => n.namespace === 'search-dev')?.quotas[0].hard
        .pods,
    ).toBe('7');
    expect(counts()).toEqual({
      baseRevision: 3,
      listFiles: 2,
      readFile: 2 * reads,
    });
    expect(calls.listFiles.mock.calls[1][1]).toEqual({ ref: moved });
    expect(
      calls.readFile.mock.calls.slice(reads).every(([, o]) => o?.ref === moved),
    ).toBe(true);

    // Another instance (a new replica) remembers nothing and reads once.
    await new GitOpsSource(
      'default',
      async () => publisher,
      GitOpsLayout.create(),
    ).fetch();
    expect(counts()).toEqual({
      baseRevision: 4,
      listFiles: 3,
      readFile: 3 * reads,
    });
  });

  it('fails as its repository does when it cannot be opened', async () => {
    const source = new GitOpsSource(
      'default',
      () => LocalGitPublisher.open({ path: join(dir, 'nowhere') }),
      GitOpsLayout.create(),
    );
    await expect(source.fetch()).rejects.toThrow(/no git repository at /);
  });
});
