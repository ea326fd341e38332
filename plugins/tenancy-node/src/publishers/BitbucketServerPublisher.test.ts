import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { http, HttpResponse } from 'msw';
import { BitbucketServerPublisher } from './BitbucketServerPublisher';
import { describePublisherContract } from './__testUtils__/describePublisherContract';
import { FakeGitRepo, FakePullRequest } from './__testUtils__/FakeGitRepo';

const integrations = ScmIntegrations.fromConfig(
  new ConfigReader({
    integrations: {
      bitbucketServer: [
        {
          host: 'bitbucket.example.com',
          token: 'bb-secret',
          apiBaseUrl: 'https://bitbucket.example.com/rest/api/1.0',
        },
      ],
    },
  }),
);

/**
 * A Bitbucket Server repository behind REST API 1.0, shaped after its
 * reference (browse, files, raw, branches, pull requests; paged answers;
 * errors as `{ errors: [...] }`).
 */
function bitbucketFake(repo: FakeGitRepo) {
  const web = 'https://bitbucket.example.com/projects/PLAT/repos/gitops';
  const api =
    'https://bitbucket.example.com/rest/api/1.0/projects/PLAT/repos/gitops';
  const states = { open: 'OPEN', merged: 'MERGED', closed: 'DECLINED' };
  const error = (
    status: number,
    exceptionName: string,
    message: string,
    extra = {},
  ) =>
    HttpResponse.json(
      { errors: [{ context: null, message, exceptionName, ...extra }] },
      { status },
    );
  const page = <T>(values: T[], q: URLSearchParams) => {
    const start = Number(q.get('start') ?? 0);
    const limit = Number(q.get('limit') ?? 25);
    const slice = values.slice(start, start + limit);
    const isLastPage = start + limit >= values.length;
    return HttpResponse.json({
      size: slice.length,
      limit,
      start,
      isLastPage,
      values: slice,
      ...(isLastPage ? {} : { nextPageStart: start + limit }),
    });
  };
  const pull = (r: FakePullRequest) => ({
    id: r.number,
    version: r.version,
    title: r.title,
    description: r.body,
    state: states[r.state],
    open: r.state === 'open',
    fromRef: { id: `refs/heads/${r.branch}`, displayId: r.branch },
    toRef: { id: 'refs/heads/main', displayId: 'main' },
    createdDate: Date.UTC(2026, 0, r.number),
    updatedDate: Date.UTC(2026, 0, r.number),
    links: { self: [{ href: `${web}/pull-requests/${r.number}` }] },
  });
  const at = (q: URLSearchParams) =>
    q.get('at')?.replace('refs/heads/', '') ?? 'main';
  const pathOf = (p: unknown) => decodeURIComponent(String(p));
  const missing = (path: string, ref: string) =>
    error(
      404,
      'com.atlassian.bitbucket.content.NoSuchPathException',
      `The path "${path}" does not exist at revision "${ref}"`,
    );
  return {
    repo,
    expectedAuth: 'Bearer bb-secret',
    requestUrl: (n: number) => `${web}/pull-requests/${n}`,
    publisher: async () =>
      BitbucketServerPublisher.create({ repoUrl: web, integrations }),
    handlers: [
      http.all(`${api}/*`, ({ request }) => {
        repo.auth.add(request.headers.get('authorization') ?? '');
      }),
      http.get(`${api}/browse/*`, ({ request, params }) => {
        const q = new URL(request.url).searchParams;
        const path = pathOf(params[0]);
        const files = repo.files(at(q));
        if (files[path] !== undefined) {
          return HttpResponse.json({
            lines: files[path].split('\n').map(text => ({ text })),
            isLastPage: true,
          });
        }
        if (repo.filesUnder(at(q), path).length) {
          return HttpResponse.json({
            path: { toString: path },
            children: { values: [] },
          });
        }
        return missing(path, q.get('at')!);
      }),
      http.get(`${api}/files/*`, ({ request, params }) => {
        const q = new URL(request.url).searchParams;
        const path = pathOf(params[0]);
        const under = repo.filesUnder(at(q), path);
        if (!under.length) return missing(path, q.get('at')!);
        return page(
          under.map(p => p.slice(path.length + 1)),
          q,
        );
      }),
      http.get(`${api}/raw/*`, ({ request, params }) => {
        const q = new URL(request.url).searchParams;
        const path = pathOf(params[0]);
        const content = repo.has(at(q)) ? repo.files(at(q))[path] : undefined;
        return content === undefined
          ? missing(path, q.get('at')!)
          : new HttpResponse(content, {
              headers: { 'Content-Type': 'text/plain' },
            });
      }),
      http.put(`${api}/browse/*`, async ({ request, params }) => {
        const form = await request.formData();
        const path = pathOf(params[0]);
        const branch = String(form.get('branch'));
        const part = form.get('content');
        const content = typeof part === 'string' ? part : await part!.text();
        const current = repo.branches.get(branch);
        if (!current)
          return error(
            404,
            'com.atlassian.bitbucket.repository.NoSuchBranchException',
            branch,
          );
        const exists = current.files[path] !== undefined;
        const source = form.get('sourceCommitId');
        if (exists && source !== current.commit) {
          return error(
            409,
            'com.atlassian.bitbucket.content.FileContentModificationException',
            `The file "${path}" was modified since ${source}`,
          );
        }
        if (current.files[path] === content) {
          return error(
            409,
            'com.atlassian.bitbucket.content.EmptyCommitException',
            'no changes',
          );
        }
        const id = repo.commit(
          branch,
          { ...current.files, [path]: content },
          current.commit,
        );
        return HttpResponse.json({
          id,
          displayId: id.slice(0, 11),
          message: form.get('message'),
        });
      }),
      http.get(`${api}/branches`, ({ request }) => {
        const q = new URL(request.url).searchParams;
        const text = q.get('filterText') ?? '';
        return page(
          [...repo.branches.entries()]
            .filter(([name]) => name.includes(text))
            .map(([name, b]) => ({
              id: `refs/heads/${name}`,
              displayId: name,
              latestCommit: b.commit,
            })),
          q,
        );
      }),
      http.post(`${api}/branches`, async ({ request }) => {
        const body = (await request.json()) as any;
        if (repo.branches.has(body.name)) {
          return error(
            409,
            'com.atlassian.bitbucket.repository.DuplicateRefException',
            `Branch "${body.name}" already exists`,
          );
        }
        // A branch or a commit id; creating a branch adds no commit.
        const point = body.startPoint.replace('refs/heads/', '');
        const commit = repo.branches.get(point)?.commit ?? point;
        if (!repo.commits.has(commit)) {
          return error(
            400,
            'com.atlassian.bitbucket.commit.NoSuchCommitException',
            body.startPoint,
          );
        }
        repo.setBranch(body.name, commit);
        return HttpResponse.json({
          id: `refs/heads/${body.name}`,
          displayId: body.name,
          latestCommit: commit,
        });
      }),
      // Deleting a pull request's source branch declines the pull request.
      http.delete(
        'https://bitbucket.example.com/rest/branch-utils/1.0/projects/PLAT/repos/gitops/branches',
        async ({ request }) => {
          const body = (await request.json()) as any;
          const name = body.name.replace('refs/heads/', '');
          const found = repo.branches.get(name);
          if (!found || (body.endPoint && body.endPoint !== found.commit)) {
            return error(
              409,
              'com.atlassian.bitbucket.repository.RefChangedException',
              `${body.name} is not at ${body.endPoint}`,
            );
          }
          repo.branches.delete(name);
          for (const r of repo.requests) {
            if (r.branch === name && r.state === 'open') {
              r.state = 'closed';
              r.version += 1;
            }
          }
          return new HttpResponse(null, { status: 204 });
        },
      ),
      http.get(`${api}/commits`, ({ request }) => {
        const q = new URL(request.url).searchParams;
        const since = q.get('since')!;
        const until = q.get('until')!;
        const excluded = new Set<string>();
        const walk = [since];
        while (walk.length) {
          const sha = walk.pop()!;
          if (excluded.has(sha)) continue;
          excluded.add(sha);
          walk.push(...repo.commits.get(sha)!.parents);
        }
        const own: string[] = [];
        const queue = [until];
        while (queue.length) {
          const sha = queue.shift()!;
          if (excluded.has(sha) || own.includes(sha)) continue;
          own.push(sha);
          queue.push(...repo.commits.get(sha)!.parents);
        }
        return page(
          own.map(id => ({
            id,
            displayId: id.slice(0, 11),
            parents: repo.commits.get(id)!.parents.map(p => ({ id: p })),
          })),
          q,
        );
      }),
      http.get(`${api}/compare/changes`, ({ request }) => {
        const q = new URL(request.url).searchParams;
        const types = { added: 'ADD', removed: 'DELETE', modified: 'MODIFY' };
        // The changes on `from` (the source) that `to` (the target) lacks.
        return page(
          repo.diff(q.get('to')!, q.get('from')!).map(d => ({
            path: { toString: d.path },
            type: types[d.change],
          })),
          q,
        );
      }),
      http.get(`${api}/pull-requests/:id`, ({ params }) =>
        HttpResponse.json(pull(repo.request(Number(params.id)))),
      ),
      http.post(`${api}/pull-requests/:id/reopen`, ({ request, params }) => {
        const r = repo.request(Number(params.id));
        const version = new URL(request.url).searchParams.get('version');
        if (Number(version) !== r.version || !repo.branches.has(r.branch)) {
          return error(
            409,
            'com.atlassian.bitbucket.pull.PullRequestOutOfDateException',
            'out of date',
          );
        }
        r.state = 'open';
        r.version += 1;
        return HttpResponse.json(pull(r));
      }),
      http.get(`${api}/pull-requests`, ({ request }) => {
        const q = new URL(request.url).searchParams;
        const state = q.get('state') ?? 'OPEN';
        const atRef = q.get('at');
        return page(
          repo.requests
            .filter(r => state === 'ALL' || states[r.state] === state)
            .filter(r => !atRef || `refs/heads/${r.branch}` === atRef)
            .slice()
            .reverse()
            .map(pull),
          q,
        );
      }),
      http.post(`${api}/pull-requests`, async ({ request }) => {
        const body = (await request.json()) as any;
        const branch = body.fromRef.id.replace('refs/heads/', '');
        const created = repo.openRequest(branch, body.title, body.description);
        if (!created) {
          const open = repo.requests.find(
            r => r.branch === branch && r.state === 'open',
          )!;
          return error(
            409,
            'com.atlassian.bitbucket.pull.DuplicatePullRequestException',
            'Only one pull request may be open for a given source and target branch',
            { existingPullRequest: pull(open) },
          );
        }
        return HttpResponse.json(pull(created), { status: 201 });
      }),
      http.put(`${api}/pull-requests/:id`, async ({ request, params }) => {
        const r = repo.request(Number(params.id));
        const body = (await request.json()) as any;
        if (body.version !== r.version) {
          return error(
            409,
            'com.atlassian.bitbucket.pull.PullRequestOutOfDateException',
            'out of date',
          );
        }
        r.title = body.title;
        r.body = body.description;
        r.version += 1;
        return HttpResponse.json(pull(r));
      }),
    ],
  };
}

describePublisherContract('BitbucketServerPublisher', bitbucketFake, {
  deletions: 'unsupported',
  commits: 'one-per-file',
});

describe('BitbucketServerPublisher.create', () => {
  it('needs an integration for the host and a repository URL', () => {
    expect(() =>
      BitbucketServerPublisher.create({
        repoUrl: 'https://git.other.com/projects/PLAT/repos/gitops',
        integrations,
      }),
    ).toThrow('no integrations.bitbucketServer entry for git.other.com');
    expect(() =>
      BitbucketServerPublisher.create({
        repoUrl: 'https://bitbucket.example.com/gitops',
        integrations,
      }),
    ).toThrow(/must be https:\/\/<host>\/projects\/<KEY>\/repos\/<slug>/);
  });
});
