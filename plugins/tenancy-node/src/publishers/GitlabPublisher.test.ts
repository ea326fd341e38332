import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { http, HttpResponse } from 'msw';
import { GitlabPublisher } from './GitlabPublisher';
import { describePublisherContract } from './__testUtils__/describePublisherContract';
import { FakeGitRepo, FakePullRequest } from './__testUtils__/FakeGitRepo';

const integrations = ScmIntegrations.fromConfig(
  new ConfigReader({
    integrations: {
      gitlab: [
        {
          host: 'gitlab.example.com',
          token: 'glpat-secret',
          apiBaseUrl: 'https://gitlab.example.com/api/v4',
        },
      ],
    },
  }),
);

/**
 * A GitLab project behind REST API v4, shaped after the GitLab API reference
 * (repository files and tree, commits with actions, merge requests).
 */
function gitlabFake(repo: FakeGitRepo) {
  const api = 'https://gitlab.example.com/api/v4/projects/platform%2Fgitops';
  const web = 'https://gitlab.example.com/platform/gitops';
  const notFound = (what: string) =>
    HttpResponse.json({ message: `404 ${what} Not Found` }, { status: 404 });
  const states = { open: 'opened', merged: 'merged', closed: 'closed' };
  const mr = (r: FakePullRequest) => ({
    iid: r.number,
    web_url: `${web}/-/merge_requests/${r.number}`,
    title: r.title,
    description: r.body,
    state: states[r.state],
    source_branch: r.branch,
    target_branch: 'main',
  });
  const param = (p: unknown) => decodeURIComponent(String(p));
  return {
    repo,
    expectedAuth: 'glpat-secret',
    requestUrl: (n: number) => `${web}/-/merge_requests/${n}`,
    publisher: async () =>
      GitlabPublisher.create({
        repoUrl: `${web}.git`,
        integrations,
      }),
    handlers: [
      http.all(`${api}/*`, ({ request }) => {
        repo.auth.add(request.headers.get('private-token') ?? '');
      }),
      http.get(`${api}/repository/files/:path/raw`, ({ request, params }) => {
        const ref = new URL(request.url).searchParams.get('ref')!;
        const content = repo.files(ref)[param(params.path)];
        return content === undefined
          ? notFound('File')
          : new HttpResponse(content, {
              headers: { 'Content-Type': 'text/plain' },
            });
      }),
      http.get(`${api}/repository/tree`, ({ request }) => {
        const q = new URL(request.url).searchParams;
        const path = q.get('path') ?? '';
        const files = repo.filesUnder(q.get('ref')!, path);
        if (path && files.length === 0) return notFound('Tree');
        if (q.get('recursive') !== 'true') {
          return HttpResponse.json(
            { message: 'recursive expected' },
            { status: 400 },
          );
        }
        return HttpResponse.json(
          files.map(p => ({
            id: p,
            name: p.split('/').pop(),
            type: 'blob',
            path: p,
          })),
        );
      }),
      http.get(`${api}/repository/branches/:branch`, ({ params }) => {
        const branch = repo.branches.get(param(params.branch));
        if (!branch) return notFound('Branch');
        return HttpResponse.json({
          name: param(params.branch),
          commit: {
            id: branch.commit,
            parent_ids: repo.commits.get(branch.commit)!.parents,
          },
        });
      }),
      http.get(`${api}/repository/merge_base`, ({ request }) => {
        const refs = new URL(request.url).searchParams.getAll('refs[]');
        if (refs.length !== 2 || !refs.every(r => repo.has(r))) {
          return notFound('Commit');
        }
        return HttpResponse.json({ id: repo.mergeBase(refs[0], refs[1]) });
      }),
      http.get(`${api}/repository/compare`, ({ request }) => {
        const q = new URL(request.url).searchParams;
        const [from, to] = [q.get('from')!, q.get('to')!];
        if (q.get('straight') !== 'true') {
          return HttpResponse.json(
            { message: 'straight expected' },
            { status: 400 },
          );
        }
        return HttpResponse.json({
          commit: { id: to },
          commits: [],
          compare_timeout: false,
          compare_same_ref: from === to,
          diffs: repo.diff(from, to).map(d => ({
            old_path: d.path,
            new_path: d.path,
            new_file: d.change === 'added',
            renamed_file: false,
            deleted_file: d.change === 'removed',
            diff: '',
          })),
        });
      }),
      http.post(`${api}/repository/commits`, async ({ request }) => {
        const body = (await request.json()) as any;
        const start = body.start_sha ?? body.start_branch ?? body.branch;
        if (
          repo.branches.has(body.branch) &&
          !body.force &&
          (body.start_branch || body.start_sha)
        ) {
          return HttpResponse.json(
            { message: `A branch called '${body.branch}' already exists` },
            { status: 400 },
          );
        }
        const files = { ...repo.files(start) };
        for (const action of body.actions) {
          const exists = files[action.file_path] !== undefined;
          if (action.action === 'create' && exists) {
            return HttpResponse.json(
              { message: 'A file with this name already exists' },
              { status: 400 },
            );
          }
          if (action.action !== 'create' && !exists) {
            return HttpResponse.json(
              { message: "A file with this name doesn't exist" },
              { status: 400 },
            );
          }
          if (action.action === 'delete') delete files[action.file_path];
          else files[action.file_path] = action.content;
        }
        const id = repo.commit(
          body.branch,
          files,
          repo.branches.get(start)?.commit ?? start,
        );
        return HttpResponse.json(
          { id, title: body.commit_message },
          { status: 201 },
        );
      }),
      http.get(`${api}/merge_requests`, ({ request }) => {
        const q = new URL(request.url).searchParams;
        const page = Number(q.get('page') ?? 1);
        const perPage = Number(q.get('per_page') ?? 20);
        const found = repo.requests
          .filter(
            r => !q.get('source_branch') || r.branch === q.get('source_branch'),
          )
          .filter(r => !q.get('state') || states[r.state] === q.get('state'))
          .slice()
          .reverse();
        const pages = Math.max(1, Math.ceil(found.length / perPage));
        return HttpResponse.json(
          found.slice((page - 1) * perPage, page * perPage).map(mr),
          {
            headers: {
              'x-page': String(page),
              'x-per-page': String(perPage),
              'x-total': String(found.length),
              'x-total-pages': String(pages),
              ...(page < pages ? { 'x-next-page': String(page + 1) } : {}),
            },
          },
        );
      }),
      http.post(`${api}/merge_requests`, async ({ request }) => {
        const body = (await request.json()) as any;
        if (
          body.target_branch !== 'main' ||
          !repo.branches.has(body.source_branch)
        ) {
          return HttpResponse.json(
            { message: 'Invalid branches' },
            { status: 400 },
          );
        }
        const created = repo.openRequest(
          body.source_branch,
          body.title,
          body.description,
        );
        if (!created) {
          const open = repo.requests.find(
            r => r.branch === body.source_branch && r.state === 'open',
          )!;
          return HttpResponse.json(
            {
              message: [
                `Another open merge request already exists for this source branch: !${open.number}`,
              ],
            },
            { status: 409 },
          );
        }
        return HttpResponse.json(mr(created), { status: 201 });
      }),
      http.put(`${api}/merge_requests/:iid`, async ({ request, params }) => {
        const r = repo.request(Number(params.iid));
        const body = (await request.json()) as any;
        r.title = body.title ?? r.title;
        r.body = body.description ?? r.body;
        return HttpResponse.json(mr(r));
      }),
    ],
  };
}

describePublisherContract('GitlabPublisher', gitlabFake);

describe('GitlabPublisher.create', () => {
  it('needs an integration for the host and a project path', () => {
    expect(() =>
      GitlabPublisher.create({
        repoUrl: 'https://gitlab.other.com/platform/gitops',
        integrations,
      }),
    ).toThrow('no integrations.gitlab entry for gitlab.other.com');
    expect(() =>
      GitlabPublisher.create({
        repoUrl: 'https://gitlab.example.com/gitops',
        integrations,
      }),
    ).toThrow(/must be https:\/\/gitlab.example.com\/<group>\/<project>/);
  });
});
