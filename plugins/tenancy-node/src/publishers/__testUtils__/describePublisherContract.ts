/* eslint-disable jest/no-export -- a shared suite, called by each forge's test */
import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import { GitOpsPublisher } from '../types';
import { aChange } from './aChange';
import { BASE_FILES, FakeGitRepo } from './FakeGitRepo';
import { describeStaleRequestCases } from './describeStaleRequestCases';

/** A forge fake: msw handlers over a FakeGitRepo, and a publisher aimed at it. */
export interface ForgeFake {
  repo: FakeGitRepo;
  handlers: RequestHandler[];
  publisher(): Promise<GitOpsPublisher>;
  /** The Authorization-like header the integration config should produce. */
  expectedAuth: string;
  /** The web URL of pull request n. */
  requestUrl(n: number): string;
}

/**
 * The behaviour every forge publisher shares, run against the forge's fake:
 * reads of the base branch, opening, re-running (same request, other
 * settings, update), racing, deleting and listing requests.
 */
export function describePublisherContract(
  name: string,
  makeFake: (repo: FakeGitRepo) => ForgeFake,
  /**
   * `deletions: 'unsupported'` when the forge's REST API cannot delete files;
   * `commits: 'one-per-file'` when it writes one commit per file.
   */
  options: { deletions?: 'unsupported'; commits?: 'one-per-file' } = {},
) {
  describe(`${name} (publisher contract)`, () => {
    const server = setupServer();
    registerMswTestHooks(server);
    let fake: ForgeFake;
    let publisher: GitOpsPublisher;
    const branch = 'tenancy/payments/payments-api-dev';

    beforeEach(async () => {
      fake = makeFake(new FakeGitRepo({ ...BASE_FILES }));
      server.use(...fake.handlers);
      publisher = await fake.publisher();
    });

    it('reads the base branch: files, folders, missing paths', async () => {
      await expect(
        publisher.exists('tenants/payments/dev/payments-dev'),
      ).resolves.toBe(true);
      await expect(
        publisher.exists('tenants/payments/tenant.yaml'),
      ).resolves.toBe(true);
      await expect(publisher.exists('tenants/nobody')).resolves.toBe(false);
      await expect(
        publisher.readFile('tenants/payments/tenant.yaml'),
      ).resolves.toBe('kind: Tenant\n');
      await expect(publisher.readFile('tenants/nobody.yaml')).resolves.toBe(
        undefined,
      );
      await expect(
        publisher.listFiles('tenants/payments/dev'),
      ).resolves.toEqual([
        'tenants/payments/dev/payments-dev/kustomization.yaml',
        'tenants/payments/dev/payments-dev/namespace.yaml',
      ]);
      await expect(publisher.listFiles('tenants/nobody')).resolves.toEqual([]);
      expect([...fake.repo.auth]).toEqual([fake.expectedAuth]);
    });

    it('answers the commit the base branch points to, and reads at it', async () => {
      const first = fake.repo.branches.get('main')!.commit;
      await expect(publisher.baseRevision()).resolves.toBe(first);
      await publisher.publish(aChange());
      fake.repo.mergeRequest(1);
      const merged = fake.repo.branches.get('main')!.commit;
      expect(merged).not.toBe(first);
      await expect(publisher.baseRevision()).resolves.toBe(merged);
      const [file] = Object.keys(aChange().files);
      await expect(publisher.readFile(file, { ref: first })).resolves.toBe(
        undefined,
      );
      await expect(publisher.readFile(file, { ref: merged })).resolves.toBe(
        aChange().files[file],
      );
      const folder = file.slice(0, file.lastIndexOf('/'));
      await expect(
        publisher.listFiles(folder, { ref: first }),
      ).resolves.toEqual([]);
    });

    describeStaleRequestCases(
      name,
      async files => {
        fake = makeFake(new FakeGitRepo(files));
        server.use(...fake.handlers);
        const repo = fake.repo;
        return {
          publisher: await fake.publisher(),
          merge: async number => repo.mergeRequest(number),
          baseHead: async () => repo.branches.get('main')!.commit,
          tipOf: async ref => {
            const commit = repo.branches.get(ref)!.commit;
            return { commit, parents: repo.commits.get(commit)!.parents };
          },
          forkPoint: async ref => repo.mergeBase(ref, 'main'),
        };
      },
      { commits: options.commits },
    );

    it('opens a pull request from a branch holding the base plus the change', async () => {
      const result = await publisher.publish(
        aChange({ requestedBy: 'user:default/alex' }),
      );
      expect(result).toMatchObject({
        number: 1,
        url: fake.requestUrl(1),
        branch,
        state: 'open',
        fingerprint: 'f1',
        requestedBy: 'user:default/alex',
        created: true,
      });
      expect(fake.repo.files(branch)).toEqual({
        ...BASE_FILES,
        ...aChange().files,
      });
      expect(fake.repo.requests).toHaveLength(1);
      expect(fake.repo.requests[0]).toMatchObject({
        title: 'New namespace payments-api-dev',
        body: expect.stringContaining('Requested by alex'),
      });
      await expect(publisher.findRequest(branch)).resolves.toMatchObject({
        number: 1,
        fingerprint: 'f1',
        requestedBy: 'user:default/alex',
      });
      await expect(publisher.listRequests()).resolves.toEqual([
        expect.objectContaining({
          number: 1,
          requestedBy: 'user:default/alex',
        }),
      ]);
    });

    it("reads an open request's branch when asked (what the tenant budget counts)", async () => {
      await publisher.publish(aChange());
      const [file] = Object.keys(aChange().files);
      await expect(publisher.readFile(file, { ref: branch })).resolves.toBe(
        aChange().files[file],
      );
      await expect(publisher.readFile(file)).resolves.toBe(undefined);
      const folder = file.slice(0, file.lastIndexOf('/'));
      await expect(
        publisher.listFiles(folder, { ref: branch }),
      ).resolves.toEqual(
        Object.keys(aChange().files)
          .filter(f => f.startsWith(`${folder}/`))
          .sort(),
      );
      await expect(publisher.listFiles(folder)).resolves.toEqual([]);
    });

    it('returns the open request for the same request without touching the branch', async () => {
      await publisher.publish(aChange());
      const commit = fake.repo.branches.get(branch)!.commit;
      await expect(publisher.publish(aChange())).resolves.toMatchObject({
        number: 1,
        created: false,
      });
      expect(fake.repo.branches.get(branch)!.commit).toBe(commit);
      expect(fake.repo.requests).toHaveLength(1);
    });

    it('refuses other settings for an open request, or updates branch and request when asked', async () => {
      await publisher.publish(aChange());
      const file = Object.keys(aChange().files)[0];
      const other = aChange({
        fingerprint: 'f2',
        title: 'Change namespace payments-api-dev',
        files: { [file]: 'kind: Namespace # changed\n' },
      });
      await expect(publisher.publish(other)).rejects.toThrow(
        /already requested, with other settings, in open pull request #1/,
      );
      expect(fake.repo.files(branch)[file]).toBe('kind: Namespace\n');

      const updated = await publisher.publish({
        ...other,
        whenOpenDiffers: 'update',
      });
      expect(updated).toMatchObject({
        number: 1,
        created: false,
        fingerprint: 'f2',
        title: 'Change namespace payments-api-dev',
      });
      expect(fake.repo.files(branch)[file]).toBe('kind: Namespace # changed\n');
      expect(fake.repo.requests).toHaveLength(1);
    });

    it('yields one pull request when two identical runs race', async () => {
      const results = await Promise.all([
        publisher.publish(aChange()),
        publisher.publish(aChange()),
      ]);
      expect(results.map(r => r.number)).toEqual([1, 1]);
      expect(fake.repo.requests).toHaveLength(1);
    });

    const deletion = aChange({
      branch: 'tenancy/payments/delete-payments-dev',
      files: {},
      deletions: ['tenants/payments/dev/payments-dev'],
    });
    if (options.deletions === 'unsupported') {
      it('refuses to delete files, as the forge cannot', async () => {
        await expect(publisher.publish(deletion)).rejects.toThrow(
          /cannot delete files/,
        );
        expect(fake.repo.requests).toHaveLength(0);
      });
    } else {
      it('deletes a folder on the branch', async () => {
        await publisher.publish(deletion);
        expect(
          Object.keys(fake.repo.files('tenancy/payments/delete-payments-dev')),
        ).toEqual(['tenants/payments/tenant.yaml']);
      });
    }

    it("lists a tenant's requests by branch prefix with their states", async () => {
      for (const [i, b] of [
        'tenancy/payments/a',
        'tenancy/search/b',
        'tenancy/payments/c',
        'tenancy/payments/d',
      ].entries()) {
        await publisher.publish(aChange({ branch: b, fingerprint: `f${i}` }));
      }
      fake.repo.request(1).state = 'merged';
      fake.repo.request(3).state = 'closed';
      const requests = await publisher.listRequests('tenancy/payments/');
      expect(requests.map(r => [r.number, r.branch, r.state]).sort()).toEqual([
        [1, 'tenancy/payments/a', 'merged'],
        [3, 'tenancy/payments/c', 'closed'],
        [4, 'tenancy/payments/d', 'open'],
      ]);
      await expect(
        publisher.listRequests('tenancy/payments/', { limit: 2 }),
      ).resolves.toHaveLength(2);
    });
  });
}
