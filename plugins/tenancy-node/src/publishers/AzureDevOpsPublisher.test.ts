import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { http, HttpResponse } from 'msw';
import { AzureDevOpsPublisher } from './AzureDevOpsPublisher';
import { describePublisherContract } from './__testUtils__/describePublisherContract';
import { FakeGitRepo, FakePullRequest } from './__testUtils__/FakeGitRepo';

const integrations = ScmIntegrations.fromConfig(
  new ConfigReader({
    integrations: {
      azure: [
        {
          host: 'dev.azure.com',
          credentials: [{ personalAccessToken: 'pat-secret' }],
        },
      ],
    },
  }),
);

/**
 * An Azure DevOps Git repository behind the Git REST API 7.1, shaped after
 * its reference (items, refs, pushes, pull requests and their errors).
 */
function azureFake(repo: FakeGitRepo) {
  const web = 'https://dev.azure.com/acme/platform/_git/gitops';
  const api =
    'https://dev.azure.com/acme/platform/_apis/git/repositories/gitops';
  const statuses = { open: 'active', merged: 'completed', closed: 'abandoned' };
  const error = (status: number, typeKey: string, message: string) =>
    HttpResponse.json({ $id: '1', message, typeKey }, { status });
  const pull = (r: FakePullRequest) => ({
    pullRequestId: r.number,
    status: statuses[r.state],
    title: r.title,
    description: r.body,
    sourceRefName: `refs/heads/${r.branch}`,
    targetRefName: 'refs/heads/main',
    creationDate: new Date(Date.UTC(2026, 0, r.number)).toISOString(),
    url: `${api}/pullRequests/${r.number}`,
  });
  const branchOf = (q: URLSearchParams) => {
    const version = q.get('versionDescriptor.version')!;
    const type = q.get('versionDescriptor.versionType');
    if (type === 'branch') {
      return repo.branches.has(version) ? version : undefined;
    }
    return type === 'commit' && repo.commits.has(version) ? version : undefined;
  };
  return {
    repo,
    expectedAuth: `Basic ${Buffer.from(':pat-secret').toString('base64')}`,
    requestUrl: (n: number) => `${web}/pullrequest/${n}`,
    publisher: () =>
      AzureDevOpsPublisher.create({ repoUrl: web, integrations }),
    handlers: [
      http.all(`${api}/*`, ({ request }) => {
        repo.auth.add(request.headers.get('authorization') ?? '');
        if (new URL(request.url).searchParams.get('api-version') !== '7.1') {
          return error(400, 'VssVersionOutOfRangeException', 'api-version');
        }
        return undefined;
      }),
      http.get(`${api}/items`, ({ request }) => {
        const q = new URL(request.url).searchParams;
        const branch = branchOf(q);
        const path = (q.get('scopePath') ?? q.get('path'))!.replace(/^\//, '');
        const missing = error(
          404,
          'GitItemNotFoundException',
          `TF401174: The item '/${path}' could not be found in the repository 'gitops' at the version specified by '<Branch: ${q.get(
            'versionDescriptor.version',
          )} >'`,
        );
        if (!branch) return missing;
        const files = repo.files(branch);
        const under = repo.filesUnder(branch, path);
        if (q.get('scopePath')) {
          if (under.length === 0 && files[path] === undefined) return missing;
          const value = [
            { path: `/${path}`, isFolder: true, gitObjectType: 'tree' },
            ...under.map(p => ({ path: `/${p}`, gitObjectType: 'blob' })),
          ];
          return HttpResponse.json({ count: value.length, value });
        }
        if (files[path] !== undefined) {
          return HttpResponse.json({
            path: `/${path}`,
            gitObjectType: 'blob',
            ...(q.get('includeContent') === 'true'
              ? { content: files[path] }
              : {}),
          });
        }
        if (under.length > 0) {
          return HttpResponse.json({
            path: `/${path}`,
            isFolder: true,
            gitObjectType: 'tree',
          });
        }
        return missing;
      }),
      http.get(`${api}/refs`, ({ request }) => {
        const filter = new URL(request.url).searchParams.get('filter') ?? '';
        const value = [...repo.branches.entries()]
          .filter(([name]) => `heads/${name}`.startsWith(filter))
          .map(([name, b]) => ({
            name: `refs/heads/${name}`,
            objectId: b.commit,
          }));
        return HttpResponse.json({ count: value.length, value });
      }),
      http.post(`${api}/pushes`, async ({ request }) => {
        const body = (await request.json()) as any;
        const [update] = body.refUpdates;
        const [commit] = body.commits;
        const branch = update.name.replace('refs/heads/', '');
        const current = repo.branches.get(branch);
        if ((current?.commit ?? '0'.repeat(40)) !== update.oldObjectId) {
          return error(
            409,
            'GitReferenceStaleException',
            `TF401028: The reference '${update.name}' has already been updated by another client, so you cannot update it. Please try again.`,
          );
        }
        // The commit's parent: as given, else the branch's tip.
        const parent = commit.parents?.[0] ?? current?.commit;
        const start = repo.commits.get(parent);
        if (!start) {
          return error(400, 'GitCommitDoesNotExistException', 'parents');
        }
        const files = { ...start.files };
        for (const c of commit.changes) {
          const path = c.item.path.replace(/^\//, '');
          const exists = files[path] !== undefined;
          if ((c.changeType === 'add') === exists) {
            return error(
              400,
              'InvalidArgumentValueException',
              `TF401${exists ? '3' : '17'}: change ${
                c.changeType
              } of '/${path}' does not match the tree`,
            );
          }
          if (c.changeType === 'delete') delete files[path];
          else if (c.newContent.contentType !== 'rawtext') {
            return error(400, 'InvalidArgumentValueException', 'contentType');
          } else files[path] = c.newContent.content;
        }
        repo.commit(branch, files, parent);
        return HttpResponse.json(
          { pushId: 1, refUpdates: body.refUpdates },
          { status: 201 },
        );
      }),
      http.get(`${api}/diffs/commits`, ({ request }) => {
        const q = new URL(request.url).searchParams;
        const [base, target] = [q.get('baseVersion')!, q.get('targetVersion')!];
        if (
          q.get('baseVersionType') !== 'branch' ||
          q.get('targetVersionType') !== 'branch' ||
          !repo.branches.has(base) ||
          !repo.branches.has(target)
        ) {
          return error(404, 'GitUnresolvableToCommitException', base);
        }
        const common = repo.mergeBase(target, base);
        const types = { added: 'add', removed: 'delete', modified: 'edit' };
        const changes = repo.diff(common, target).map(d => ({
          item: { path: `/${d.path}`, gitObjectType: 'blob' },
          changeType: types[d.change],
        }));
        return HttpResponse.json({
          allChangesIncluded: true,
          commonCommit: common,
          baseCommit: repo.branches.get(base)!.commit,
          targetCommit: repo.branches.get(target)!.commit,
          aheadCount: 1,
          behindCount: 0,
          changeCounts: {},
          changes,
        });
      }),
      http.get(`${api}/pullrequests`, ({ request }) => {
        const q = new URL(request.url).searchParams;
        const status = q.get('searchCriteria.status') ?? 'active';
        const source = q.get('searchCriteria.sourceRefName');
        const top = Number(q.get('$top') ?? 101);
        const skip = Number(q.get('$skip') ?? 0);
        const value = repo.requests
          .filter(r => status === 'all' || statuses[r.state] === status)
          .filter(r => !source || `refs/heads/${r.branch}` === source)
          .slice()
          .reverse()
          .slice(skip, skip + top)
          .map(pull);
        return HttpResponse.json({ count: value.length, value });
      }),
      http.post(`${api}/pullrequests`, async ({ request }) => {
        const body = (await request.json()) as any;
        if (body.description.length > 4000) {
          return error(
            400,
            'InvalidArgumentValueException',
            'description too long',
          );
        }
        const created = repo.openRequest(
          body.sourceRefName.replace('refs/heads/', ''),
          body.title,
          body.description,
        );
        if (!created) {
          return error(
            409,
            'GitPullRequestExistsException',
            'TF401179: An active pull request for the source and target branch already exists.',
          );
        }
        return HttpResponse.json(pull(created), { status: 201 });
      }),
      http.patch(`${api}/pullrequests/:id`, async ({ request, params }) => {
        const r = repo.request(Number(params.id));
        const body = (await request.json()) as any;
        r.title = body.title ?? r.title;
        r.body = body.description ?? r.body;
        return HttpResponse.json(pull(r));
      }),
    ],
  };
}

describePublisherContract('AzureDevOpsPublisher', azureFake);

describe('AzureDevOpsPublisher', () => {
  it('needs a /_git/ repository URL and an integration for the host', async () => {
    await expect(
      AzureDevOpsPublisher.create({
        repoUrl: 'https://dev.azure.com/acme/platform/gitops',
        integrations,
      }),
    ).rejects.toThrow(
      /must be https:\/\/<host>\/<organization>\/<project>\/_git\/<repository>/,
    );
    await expect(
      AzureDevOpsPublisher.create({
        repoUrl: 'https://tfs.example.com/acme/platform/_git/gitops',
        integrations,
      }),
    ).rejects.toThrow('no integrations.azure entry for tfs.example.com');
  });
});
