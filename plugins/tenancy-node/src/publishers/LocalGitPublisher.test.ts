import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { LocalGitPublisher } from './LocalGitPublisher';
import { aChange } from './__testUtils__/aChange';
import {
  describeStaleRequestCases,
  PROJECT_FILE,
} from './__testUtils__/describeStaleRequestCases';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

const change = aChange;

describe('LocalGitPublisher', () => {
  const dir = createMockDirectory();
  let repo: string;
  let publisher: LocalGitPublisher;

  beforeEach(async () => {
    dir.clear();
    dir.addContent({
      seed: { 'tenants/payments/tenant.yaml': 'kind: Tenant\n' },
    });
    repo = join(dir.path, 'repo');
    publisher = await LocalGitPublisher.open({
      path: repo,
      seedFrom: join(dir.path, 'seed'),
    });
  });

  it('creates the repository from the seed, with main checked out', async () => {
    expect(git(repo, 'branch', '--show-current')).toBe('main');
    await expect(
      publisher.exists('tenants/payments/tenant.yaml'),
    ).resolves.toBe(true);
    await expect(
      publisher.readFile('tenants/payments/tenant.yaml'),
    ).resolves.toBe('kind: Tenant\n');
    await expect(publisher.exists('tenants/checkout')).resolves.toBe(false);
  });

  it("answers main's commit, which a merge moves, and reads at a commit", async () => {
    const seeded = git(repo, 'rev-parse', 'main');
    await expect(publisher.baseRevision()).resolves.toBe(seeded);
    const { number } = await publisher.publish(change());
    await publisher.merge(number);
    const merged = git(repo, 'rev-parse', 'main');
    expect(merged).not.toBe(seeded);
    await expect(publisher.baseRevision()).resolves.toBe(merged);
    const [file] = Object.keys(change().files);
    await expect(publisher.readFile(file, { ref: seeded })).resolves.toBe(
      undefined,
    );
    await expect(publisher.readFile(file, { ref: merged })).resolves.toBe(
      change().files[file],
    );
  });

  it('opens a request on a branch and leaves main untouched', async () => {
    const result = await publisher.publish(change());

    expect(result).toMatchObject({
      number: 1,
      state: 'open',
      created: true,
      branch: change().branch,
    });
    expect(
      git(
        repo,
        'show',
        `${
          change().branch
        }:tenants/payments/dev/payments-api-dev/namespace.yaml`,
      ),
    ).toBe('kind: Namespace');
    expect(git(repo, 'log', '-1', '--format=%s', change().branch)).toBe(
      'New namespace payments-api-dev',
    );
    await expect(fs.stat(join(repo, 'tenants/payments/dev'))).rejects.toThrow();
    expect(git(repo, 'status', '--porcelain')).toBe('');
    await expect(publisher.findRequest(change().branch)).resolves.toMatchObject(
      { number: 1 },
    );
  });

  it('is idempotent: the same request again returns the same request and commit', async () => {
    await publisher.publish(change());
    const tip = git(repo, 'rev-parse', change().branch);

    const again = await publisher.publish(change());

    expect(again).toMatchObject({ number: 1, created: false });
    expect(git(repo, 'rev-parse', change().branch)).toBe(tip);
    expect(await publisher.listRequests()).toHaveLength(1);
  });

  it('yields exactly one request for concurrent identical runs', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () => publisher.publish(change())),
    );
    expect(new Set(results.map(r => r.number))).toEqual(new Set([1]));
    expect(results.filter(r => r.created)).toHaveLength(1);
    expect(await publisher.listRequests()).toHaveLength(1);
  });

  it('refuses a different request for the same branch, or updates it when asked to', async () => {
    await publisher.publish(change());
    const other = change({
      fingerprint: 'f2',
      files: {
        'tenants/payments/dev/payments-api-dev/namespace.yaml':
          'kind: Namespace # v2\n',
      },
    });

    await expect(publisher.publish(other)).rejects.toThrow(
      /already requested, with other settings, in open request #1/,
    );

    const updated = await publisher.publish({
      ...other,
      whenOpenDiffers: 'update',
    });
    expect(updated).toMatchObject({
      number: 1,
      created: false,
      fingerprint: 'f2',
    });
    expect(
      git(
        repo,
        'show',
        `${
          change().branch
        }:tenants/payments/dev/payments-api-dev/namespace.yaml`,
      ),
    ).toBe('kind: Namespace # v2');
  });

  it('deletes folders on the branch', async () => {
    const result = await publisher.publish(
      change({
        branch: 'tenancy/delete',
        files: {},
        deletions: ['tenants/payments'],
      }),
    );
    expect(result.created).toBe(true);
    expect(git(repo, 'ls-tree', '-r', '--name-only', 'tenancy/delete')).toBe(
      '',
    );
  });

  it('leaves the repository exactly as it was when a merge conflicts, saying why', async () => {
    // Two requests set the same value differently; the first is merged.
    const file = PROJECT_FILE;
    await publisher.publish(
      change({ branch: 'tenancy/payments/a', files: { [file]: 'a: 1\n' } }),
    );
    await publisher.publish(
      change({
        branch: 'tenancy/payments/b',
        fingerprint: 'f2',
        files: { [file]: 'a: 2\n' },
      }),
    );
    await publisher.merge(1);
    const head = git(repo, 'rev-parse', 'HEAD');
    const branchTip = git(repo, 'rev-parse', 'tenancy/payments/b');

    await expect(publisher.merge(2)).rejects.toThrow(
      `request #2 conflicts with main in ${file}; nothing was merged (a: changed on both sides: 2 in the request, 1 on the base branch)`,
    );
    expect(git(repo, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(repo, 'rev-parse', 'tenancy/payments/b')).toBe(branchTip);
    expect(git(repo, 'status', '--porcelain')).toBe('');
    await expect(fs.readFile(join(repo, file), 'utf8')).resolves.toBe('a: 1\n');
    await expect(
      publisher.findRequest('tenancy/payments/b'),
    ).resolves.toMatchObject({ state: 'open' });
  });

  it('merges twenty concurrent requests for one tenant one after another, in any order', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `payments-n${i}`);
    const project = (namespaces: string[]) =>
      `kind: AppProject\nspec:\n  destinations:\n${namespaces
        .map(n => `    - name: dev-1\n      namespace: ${n}\n`)
        .join('')}`;
    const results = await Promise.all(
      names.map((n, i) =>
        publisher.publish(
          change({
            branch: `tenancy/payments/${n}`,
            fingerprint: `f${i}`,
            files: {
              [`tenants/payments/dev/${n}/namespace.yaml`]: 'kind: Namespace\n',
              [PROJECT_FILE]: project([n]),
            },
          }),
        ),
      ),
    );
    for (const { number } of results.reverse()) await publisher.merge(number);

    expect(git(repo, 'status', '--porcelain')).toBe('');
    const merged = await publisher.readFile(PROJECT_FILE);
    expect(merged?.match(/namespace: /g)).toHaveLength(20);
    for (const n of names) expect(merged).toContain(`namespace: ${n}\n`);
    expect(await publisher.listFiles('tenants/payments/dev')).toHaveLength(20);
  }, 60_000);

  it('merges a request into main with the documented command, once', async () => {
    await publisher.publish(change());

    await expect(publisher.merge(1)).resolves.toMatchObject({
      state: 'merged',
    });
    await expect(
      fs.readFile(
        join(repo, 'tenants/payments/dev/payments-api-dev/namespace.yaml'),
        'utf8',
      ),
    ).resolves.toBe('kind: Namespace\n');
    await expect(
      publisher.exists('tenants/payments/dev/payments-api-dev'),
    ).resolves.toBe(true);
    await expect(
      publisher.findRequest(change().branch),
    ).resolves.toBeUndefined();
    await expect(publisher.merge(1)).rejects.toThrow(
      'request #1 is merged, not open',
    );
    await expect(publisher.merge(7)).rejects.toThrow('no request #7');
  });

  it("lists a tenant's requests with their state, by branch prefix", async () => {
    await publisher.publish(change());
    await publisher.publish(
      change({ branch: 'tenancy/checkout/checkout-dev', fingerprint: 'c1' }),
    );
    await publisher.merge(1);

    const payments = await publisher.listRequests('tenancy/payments/');
    expect(payments).toEqual([
      expect.objectContaining({
        number: 1,
        state: 'merged',
        branch: 'tenancy/payments/payments-api-dev',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      }),
    ]);
    expect((await publisher.listRequests()).map(r => r.number)).toEqual([1, 2]);
    await expect(publisher.listRequests('tenancy/search/')).resolves.toEqual(
      [],
    );
  });

  it('refuses to write outside the repository', async () => {
    await expect(
      publisher.publish(change({ files: { '../escape.yaml': 'x' } })),
    ).rejects.toThrow();
    await expect(fs.stat(join(dir.path, 'escape.yaml'))).rejects.toThrow();
  });
});

describeStaleRequestCases('LocalGitPublisher', async files => {
  const dir = await fs.mkdtemp(join(tmpdir(), 'tenancy-stale-'));
  await Promise.all(
    Object.entries(files).map(async ([path, content]) => {
      await fs.mkdir(dirname(join(dir, 'seed', path)), { recursive: true });
      await fs.writeFile(join(dir, 'seed', path), content);
    }),
  );
  const path = join(dir, 'repo');
  const publisher = await LocalGitPublisher.open({
    path,
    seedFrom: join(dir, 'seed'),
  });
  return {
    publisher,
    merge: async number => {
      await publisher.merge(number);
    },
    baseHead: async () => git(path, 'rev-parse', 'main'),
    tipOf: async branch => ({
      commit: git(path, 'rev-parse', branch),
      parents: git(path, 'log', '-1', '--format=%P', branch).split(' '),
    }),
    forkPoint: async branch => git(path, 'merge-base', branch, 'main'),
  };
});
