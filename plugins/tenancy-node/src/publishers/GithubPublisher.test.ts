import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { GithubPublisher } from './GithubPublisher';
import { aChange } from './__testUtils__/aChange';
import { ChangeRequest } from './types';

/**
 * A GitHub repository behind the REST API, shaped after the GitHub REST
 * reference (contents, pulls, git refs/commits/trees).
 */
function fakeGithub() {
  const api = 'https://api.github.com/repos/acme/gitops';
  const state = {
    refs: new Map<string, string>([['main', 'c-main']]),
    commits: new Map<string, { tree: string; parents: string[] }>([
      ['c-main', { tree: 't-main', parents: [] }],
    ]),
    trees: new Map<string, Record<string, string>>([
      [
        't-main',
        {
          'tenants/payments/tenant.yaml': 'kind: Tenant\n',
          'tenants/payments/dev/payments-dev/namespace.yaml': 'x',
        },
      ],
    ]),
    pulls: [] as Array<{
      number: number;
      head: string;
      title: string;
      body: string;
      state: string;
    }>,
    auth: new Set<string>(),
    seq: 0,
  };
  const id = (p: string) => `${p}-${++state.seq}`;
  const pull = (p: (typeof state.pulls)[number]) => ({
    html_url: `https://github.com/acme/gitops/pull/${p.number}`,
    number: p.number,
    title: p.title,
    body: p.body,
    state: p.state,
    merged_at: null,
    head: { ref: p.head },
  });
  const handlers = [
    http.all(`${api}/*`, ({ request }) => {
      state.auth.add(request.headers.get('authorization') ?? '');
    }),
    http.get(`${api}/contents/*`, ({ request, params }) => {
      const path = String(params[0]);
      const files = state.trees.get(
        state.commits.get(state.refs.get('main')!)!.tree,
      )!;
      if (new URL(request.url).searchParams.get('ref') !== 'main')
        return HttpResponse.json({}, { status: 400 });
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
      return HttpResponse.json({ message: 'Not Found' }, { status: 404 });
    }),
    http.get(`${api}/pulls`, ({ request }) => {
      const q = new URL(request.url).searchParams;
      const head = q.get('head')?.replace('acme:', '');
      const wanted = q.get('state') ?? 'open';
      const page = Number(q.get('page') ?? 1);
      const perPage = Number(q.get('per_page') ?? 30);
      return HttpResponse.json(
        state.pulls
          .filter(p => head === undefined || p.head === head)
          .filter(p => wanted === 'all' || p.state === wanted)
          .reverse()
          .slice((page - 1) * perPage, page * perPage)
          .map(pull),
      );
    }),
    http.post(`${api}/pulls`, async ({ request }) => {
      const body = (await request.json()) as any;
      if (state.pulls.some(p => p.head === body.head && p.state === 'open')) {
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
      const p = {
        number: state.pulls.length + 1,
        head: body.head,
        title: body.title,
        body: body.body,
        state: 'open',
      };
      state.pulls.push(p);
      return HttpResponse.json(pull(p), { status: 201 });
    }),
    http.patch(`${api}/pulls/:number`, async ({ request, params }) => {
      const p = state.pulls.find(x => x.number === Number(params.number))!;
      Object.assign(p, await request.json());
      return HttpResponse.json(pull(p));
    }),
    // Octokit sends the ref URL-encoded (heads%2Fmain), which GitHub accepts.
    http.get(`${api}/git/ref/:ref`, ({ params }) => {
      const branch = decodeURIComponent(String(params.ref)).replace(
        /^heads\//,
        '',
      );
      const sha = state.refs.get(branch);
      return sha
        ? HttpResponse.json({
            ref: `refs/heads/${branch}`,
            object: { sha, type: 'commit' },
          })
        : HttpResponse.json({ message: 'Not Found' }, { status: 404 });
    }),
    http.get(`${api}/git/commits/:sha`, ({ params }) => {
      const c = state.commits.get(String(params.sha))!;
      return HttpResponse.json({
        sha: params.sha,
        tree: { sha: c.tree },
        parents: c.parents.map(sha => ({ sha })),
      });
    }),
    http.get(`${api}/git/trees/:sha`, ({ params }) =>
      HttpResponse.json({
        sha: params.sha,
        truncated: false,
        tree: Object.keys(state.trees.get(String(params.sha))!).map(path => ({
          path,
          type: 'blob',
          mode: '100644',
          sha: 'b',
        })),
      }),
    ),
    http.post(`${api}/git/trees`, async ({ request }) => {
      const body = (await request.json()) as any;
      const files = { ...state.trees.get(body.base_tree)! };
      for (const entry of body.tree) {
        if (entry.sha === null) delete files[entry.path];
        else files[entry.path] = entry.content;
      }
      const sha = id('t');
      state.trees.set(sha, files);
      return HttpResponse.json({ sha }, { status: 201 });
    }),
    http.post(`${api}/git/commits`, async ({ request }) => {
      const body = (await request.json()) as any;
      const sha = id('c');
      state.commits.set(sha, { tree: body.tree, parents: body.parents });
      return HttpResponse.json({ sha }, { status: 201 });
    }),
    http.post(`${api}/git/refs`, async ({ request }) => {
      const body = (await request.json()) as any;
      const name = body.ref.replace('refs/heads/', '');
      if (state.refs.has(name))
        return HttpResponse.json(
          { message: 'Reference already exists' },
          { status: 422 },
        );
      state.refs.set(name, body.sha);
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
      state.refs.set(
        decodeURIComponent(String(params.ref)).replace(/^heads\//, ''),
        body.sha,
      );
      return HttpResponse.json({ object: { sha: body.sha } });
    }),
  ];
  const filesOf = (branch: string) =>
    state.trees.get(state.commits.get(state.refs.get(branch)!)!.tree)!;
  return { state, handlers, filesOf };
}

const change = (patch: Partial<ChangeRequest> = {}) =>
  aChange({ fingerprint: 'aa11', ...patch });

describe('GithubPublisher', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const setUp = async () => {
    const github = fakeGithub();
    server.use(...github.handlers);
    const publisher = await GithubPublisher.create({
      repoUrl: 'https://github.com/acme/gitops',
      integrations: ScmIntegrations.fromConfig(
        new ConfigReader({
          integrations: {
            github: [{ host: 'github.com', token: 'ghp_secret' }],
          },
        }),
      ),
    });
    return { github, publisher };
  };

  it('answers whether a path exists on the base branch and reads files', async () => {
    const { publisher, github } = await setUp();
    await expect(
      publisher.exists('tenants/payments/dev/payments-dev'),
    ).resolves.toBe(true);
    await expect(
      publisher.exists('tenants/payments/dev/payments-api-dev'),
    ).resolves.toBe(false);
    await expect(
      publisher.readFile('tenants/payments/tenant.yaml'),
    ).resolves.toBe('kind: Tenant\n');
    expect(github.state.auth).toEqual(new Set(['token ghp_secret']));
  });

  it('opens a pull request from a branch with one commit on the base branch', async () => {
    const { publisher, github } = await setUp();
    const result = await publisher.publish(change());

    expect(result).toEqual({
      url: 'https://github.com/acme/gitops/pull/1',
      number: 1,
      branch: 'tenancy/payments/payments-api-dev',
      title: 'New namespace payments-api-dev',
      state: 'open',
      fingerprint: 'aa11',
      created: true,
    });
    expect(github.filesOf('tenancy/payments/payments-api-dev')).toMatchObject({
      'tenants/payments/tenant.yaml': 'kind: Tenant\n',
      'tenants/payments/dev/payments-api-dev/namespace.yaml':
        'kind: Namespace\n',
    });
    const tip = github.state.refs.get('tenancy/payments/payments-api-dev')!;
    expect(github.state.commits.get(tip)!.parents).toEqual(['c-main']);
    expect(github.state.pulls[0].body).toContain('Requested by alex');
  });

  it('returns the open pull request for the same request, without touching the branch', async () => {
    const { publisher, github } = await setUp();
    await publisher.publish(change());
    const tip = github.state.refs.get('tenancy/payments/payments-api-dev');

    await expect(publisher.publish(change())).resolves.toMatchObject({
      number: 1,
      created: false,
    });
    expect(github.state.refs.get('tenancy/payments/payments-api-dev')).toBe(
      tip,
    );
    expect(github.state.pulls).toHaveLength(1);
  });

  it('refuses other settings for an open request, or updates branch and pull request when asked', async () => {
    const { publisher, github } = await setUp();
    await publisher.publish(change());
    const other = change({
      fingerprint: 'bb22',
      title: 'v2',
      files: { 'tenants/payments/dev/payments-api-dev/namespace.yaml': 'v2\n' },
    });

    await expect(publisher.publish(other)).rejects.toThrow(
      /already requested, with other settings, in open pull request #1/,
    );

    const updated = await publisher.publish({
      ...other,
      whenOpenDiffers: 'update',
    });
    expect(updated).toMatchObject({
      number: 1,
      created: false,
      fingerprint: 'bb22',
      title: 'v2',
    });
    expect(
      github.filesOf('tenancy/payments/payments-api-dev')[
        'tenants/payments/dev/payments-api-dev/namespace.yaml'
      ],
    ).toBe('v2\n');
    expect(github.state.pulls).toHaveLength(1);
  });

  it('yields one pull request when two identical runs race', async () => {
    const { publisher, github } = await setUp();
    const results = await Promise.all([
      publisher.publish(change()),
      publisher.publish(change()),
    ]);
    expect(results.map(r => r.number)).toEqual([1, 1]);
    expect(github.state.pulls).toHaveLength(1);
  });

  it('deletes a folder on the branch', async () => {
    const { publisher, github } = await setUp();
    await publisher.publish(
      change({
        branch: 'tenancy/delete',
        files: {},
        deletions: ['tenants/payments/dev/payments-dev'],
      }),
    );
    expect(Object.keys(github.filesOf('tenancy/delete'))).toEqual([
      'tenants/payments/tenant.yaml',
    ]);
  });

  it("lists a tenant's requests by branch prefix across pages, newest first", async () => {
    const { publisher, github } = await setUp();
    await publisher.publish(change());
    for (let i = 0; i < 150; i++) {
      github.state.pulls.push({
        number: github.state.pulls.length + 1,
        head: `tenancy/checkout/checkout-${i}`,
        title: `New namespace checkout-${i}`,
        body: '',
        state: i % 2 ? 'open' : 'closed',
      });
    }
    await publisher.publish(
      change({
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
