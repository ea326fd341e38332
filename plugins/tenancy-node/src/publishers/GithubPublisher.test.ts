import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { GithubPublisher } from './GithubPublisher';
import { aChange } from './__testUtils__/aChange';
import { describePublisherContract } from './__testUtils__/describePublisherContract';
import {
  BASE_FILES,
  FakeGitRepo,
  FakePullRequest,
} from './__testUtils__/FakeGitRepo';

/**
 * A GitHub repository behind the REST API, shaped after the GitHub REST
 * reference (contents, pulls, compare, git refs/commits/trees).
 */
function githubFake(repo: FakeGitRepo) {
  const api = 'https://api.github.com/repos/acme/gitops';
  /** Trees by SHA: a commit's is `tree-<commit>`, created ones are kept here. */
  const trees = new Map<string, Record<string, string>>();
  const treeOf = (sha: string) =>
    trees.get(sha) ?? repo.commits.get(sha.replace(/^tree-/, ''))?.files;
  let seq = 0;
  const pull = (p: FakePullRequest) => ({
    html_url: `https://github.com/acme/gitops/pull/${p.number}`,
    number: p.number,
    title: p.title,
    body: p.body,
    state: p.state === 'open' ? 'open' : 'closed',
    merged_at: p.state === 'merged' ? '2026-01-02T00:00:00Z' : null,
    head: { ref: p.branch },
  });
  const notFound = () =>
    HttpResponse.json({ message: 'Not Found' }, { status: 404 });
  const branchOfRef = (ref: unknown) =>
    decodeURIComponent(String(ref)).replace(/^heads\//, '');
  const handlers = [
    http.all(`${api}/*`, ({ request }) => {
      repo.auth.add(request.headers.get('authorization') ?? '');
    }),
    http.get(`${api}/contents/*`, ({ request, params }) => {
      const path = String(params[0]);
      const ref = new URL(request.url).searchParams.get('ref')!;
      if (!repo.has(ref)) return notFound();
      const files = repo.files(ref);
      if (files[path] !== undefined) {
        return HttpResponse.json({
          type: 'file',
          path,
          content: Buffer.from(files[path]).toString('base64'),
          encoding: 'base64',
        });
      }
      if (Object.keys(files).some(f => f.startsWith(`${path}/`)))
        return HttpResponse.json([]);
      return notFound();
    }),
    http.get(`${api}/compare/:basehead`, ({ params }) => {
      const [base, head] = String(params.basehead).split('...');
      if (!repo.has(base) || !repo.has(head)) return notFound();
      const mergeBase = repo.mergeBase(head, base);
      return HttpResponse.json({
        status: 'diverged',
        base_commit: { sha: base },
        merge_base_commit: { sha: mergeBase },
        commits: [{ sha: head }],
        files: repo
          .diff(mergeBase, head)
          .map(d => ({ filename: d.path, status: d.change })),
      });
    }),
    http.get(`${api}/pulls`, ({ request }) => {
      const q = new URL(request.url).searchParams;
      const head = q.get('head')?.replace('acme:', '');
      const wanted = q.get('state') ?? 'open';
      const page = Number(q.get('page') ?? 1);
      const perPage = Number(q.get('per_page') ?? 30);
      return HttpResponse.json(
        repo.requests
          .filter(p => head === undefined || p.branch === head)
          .filter(p => wanted === 'all' || pull(p).state === wanted)
          .slice()
          .reverse()
          .slice((page - 1) * perPage, page * perPage)
          .map(pull),
      );
    }),
    http.post(`${api}/pulls`, async ({ request }) => {
      const body = (await request.json()) as any;
      if (body.base !== 'main' || !repo.branches.has(body.head)) {
        return HttpResponse.json(
          { message: 'Validation Failed' },
          { status: 422 },
        );
      }
      const created = repo.openRequest(body.head, body.title, body.body);
      if (!created) {
        return HttpResponse.json(
          {
            message: 'Validation Failed',
            errors: [
              {
                message: `A pull request already exists for acme:${body.head}.`,
              },
            ],
          },
          { status: 422 },
        );
      }
      return HttpResponse.json(pull(created), { status: 201 });
    }),
    http.patch(`${api}/pulls/:number`, async ({ request, params }) => {
      const p = repo.request(Number(params.number));
      const body = (await request.json()) as any;
      p.title = body.title ?? p.title;
      p.body = body.body ?? p.body;
      return HttpResponse.json(pull(p));
    }),
    // Octokit sends the ref URL-encoded (heads%2Fmain), which GitHub accepts.
    http.get(`${api}/git/ref/:ref`, ({ params }) => {
      const branch = branchOfRef(params.ref);
      const found = repo.branches.get(branch);
      return found
        ? HttpResponse.json({
            ref: `refs/heads/${branch}`,
            object: { sha: found.commit, type: 'commit' },
          })
        : notFound();
    }),
    http.get(`${api}/git/commits/:sha`, ({ params }) => {
      const c = repo.commits.get(String(params.sha));
      if (!c) return notFound();
      return HttpResponse.json({
        sha: params.sha,
        tree: { sha: `tree-${params.sha}` },
        parents: c.parents.map(sha => ({ sha })),
      });
    }),
    http.get(`${api}/git/trees/:sha`, ({ params }) =>
      HttpResponse.json({
        sha: params.sha,
        truncated: false,
        tree: Object.keys(treeOf(String(params.sha))!).map(path => ({
          path,
          type: 'blob',
          mode: '100644',
          sha: 'b',
        })),
      }),
    ),
    http.post(`${api}/git/trees`, async ({ request }) => {
      const body = (await request.json()) as any;
      const files = { ...treeOf(body.base_tree)! };
      for (const entry of body.tree) {
        if (entry.sha === null) delete files[entry.path];
        else files[entry.path] = entry.content;
      }
      const sha = `tree-new-${++seq}`;
      trees.set(sha, files);
      return HttpResponse.json({ sha }, { status: 201 });
    }),
    http.post(`${api}/git/commits`, async ({ request }) => {
      const body = (await request.json()) as any;
      const sha = repo.addCommit(treeOf(body.tree)!, body.parents);
      return HttpResponse.json({ sha }, { status: 201 });
    }),
    http.post(`${api}/git/refs`, async ({ request }) => {
      const body = (await request.json()) as any;
      const name = body.ref.replace('refs/heads/', '');
      if (repo.branches.has(name))
        return HttpResponse.json(
          { message: 'Reference already exists' },
          { status: 422 },
        );
      repo.setBranch(name, body.sha);
      return HttpResponse.json(
        { ref: body.ref, object: { sha: body.sha } },
        { status: 201 },
      );
    }),
    http.patch(`${api}/git/refs/:ref`, async ({ request, params }) => {
      const body = (await request.json()) as any;
      if (!body.force)
        return HttpResponse.json(
          { message: 'Update is not a fast forward' },
          { status: 422 },
        );
      repo.setBranch(branchOfRef(params.ref), body.sha);
      return HttpResponse.json({ object: { sha: body.sha } });
    }),
  ];
  return {
    repo,
    handlers,
    expectedAuth: 'token ghp_secret',
    requestUrl: (n: number) => `https://github.com/acme/gitops/pull/${n}`,
    publisher: () =>
      GithubPublisher.create({
        repoUrl: 'https://github.com/acme/gitops',
        integrations: ScmIntegrations.fromConfig(
          new ConfigReader({
            integrations: {
              github: [{ host: 'github.com', token: 'ghp_secret' }],
            },
          }),
        ),
      }),
  };
}

describePublisherContract('GithubPublisher', githubFake);

describe('GithubPublisher', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const setUp = async () => {
    const github = githubFake(new FakeGitRepo({ ...BASE_FILES }));
    server.use(...github.handlers);
    return { github, publisher: await github.publisher() };
  };

  it('builds the branch as one commit on the base branch', async () => {
    const { publisher, github } = await setUp();
    await publisher.publish(aChange());
    const tip = github.repo.branches.get('tenancy/payments/payments-api-dev')!;
    expect(github.repo.commits.get(tip.commit)!.parents).toEqual([
      github.repo.branches.get('main')!.commit,
    ]);
  });

  it("lists a tenant's requests by branch prefix across pages, newest first", async () => {
    const { publisher, github } = await setUp();
    await publisher.publish(aChange());
    for (let i = 0; i < 150; i++) {
      github.repo.requests.push({
        number: github.repo.requests.length + 1,
        branch: `tenancy/checkout/checkout-${i}`,
        title: `New namespace checkout-${i}`,
        body: '',
        state: i % 2 ? 'open' : 'closed',
        version: 0,
      });
    }
    await publisher.publish(
      aChange({
        branch: 'tenancy/payments/payments-web-dev',
        fingerprint: 'bb',
      }),
    );

    const requests = await publisher.listRequests('tenancy/payments/');
    expect(requests.map(r => [r.number, r.branch, r.state])).toEqual([
      [152, 'tenancy/payments/payments-web-dev', 'open'],
      [1, 'tenancy/payments/payments-api-dev', 'open'],
    ]);
    await expect(
      publisher.listRequests('tenancy/checkout/', { limit: 3 }),
    ).resolves.toHaveLength(3);
  });

  it('needs an integration for the host', async () => {
    await expect(
      GithubPublisher.create({
        repoUrl: 'https://ghe.example.com/acme/gitops',
        integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
      }),
    ).rejects.toThrow('no integrations.github entry for ghe.example.com');
  });
});
