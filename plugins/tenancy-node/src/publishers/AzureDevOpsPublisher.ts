import { InputError, NotFoundError } from '@backstage/errors';
import {
  DefaultAzureDevOpsCredentialsProvider,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import { bringRequestUpToDate } from './bringRequestUpToDate';
import {
  BranchContent,
  planFileActions,
  publishToForge,
  readFingerprint,
  readRequestedBy,
  touchedFolders,
} from './publishToForge';
import { restRequest } from './restRequest';
import { ChangeRequest, GitOpsPublisher, PublishedRequest } from './types';

type PullRequest = {
  pullRequestId: number;
  title: string;
  description?: string;
  status: 'active' | 'completed' | 'abandoned';
  sourceRefName: string;
  creationDate?: string;
  closedDate?: string;
};

const API_VERSION = 'api-version=7.1';
const NO_COMMIT = '0000000000000000000000000000000000000000';
/** Azure DevOps refuses pull request descriptions over 4,000 characters. */
const MAX_DESCRIPTION = 4000;
const PAGE = 100;
const MAX_LIST_PAGES = 5;
const CHANGE_TYPES = { create: 'add', update: 'edit', delete: 'delete' };

/**
 * Pull requests on an Azure DevOps (Services or Server) Git repository,
 * through the Git REST API 7.1, with the credentials of the matching
 * `integrations.azure` entry. A new branch starts from the base branch with
 * one push; a re-run that updates a request pushes one more commit on the
 * branch (no force push needed).
 *
 * @public
 */
export class AzureDevOpsPublisher implements GitOpsPublisher {
  static async create(options: {
    repoUrl: string;
    baseBranch?: string;
    integrations: ScmIntegrationRegistry;
  }): Promise<AzureDevOpsPublisher> {
    const match = /^(https?:\/\/[^/]+\/.+?)\/_git\/([^/?#]+)\/?$/.exec(
      options.repoUrl,
    );
    if (!match) {
      throw new InputError(
        `tenancy.gitops.publisher.repoUrl "${options.repoUrl}" must be https://<host>/<organization>/<project>/_git/<repository>`,
      );
    }
    const [, projectUrl, repository] = match;
    const host = new URL(options.repoUrl).host;
    if (!options.integrations.azure.byHost(host)) {
      throw new InputError(`no integrations.azure entry for ${host}`);
    }
    const credentials =
      await DefaultAzureDevOpsCredentialsProvider.fromIntegrations(
        options.integrations,
      ).getCredentials({ url: options.repoUrl });
    return new AzureDevOpsPublisher(
      `${projectUrl}/_apis/git/repositories/${repository}`,
      `${projectUrl}/_git/${repository}`,
      credentials?.headers ?? {},
      options.baseBranch ?? 'main',
    );
  }

  private constructor(
    private readonly api: string,
    private readonly web: string,
    private readonly headers: Record<string, string>,
    private readonly baseBranch: string,
  ) {}

  async baseRevision(): Promise<string> {
    const tip = await this.tipOf(this.baseBranch);
    if (!tip) throw new NotFoundError(`no branch ${this.baseBranch}`);
    return tip;
  }

  async exists(path: string): Promise<boolean> {
    const { status } = await this.call(
      `items?path=${encodeURIComponent(`/${path}`)}&${this.at(
        this.baseBranch,
      )}`,
      { accept: [404] },
    );
    return status === 200;
  }

  async listFiles(
    folder: string,
    options?: { ref?: string },
  ): Promise<string[]> {
    return this.filesAt(options?.ref ?? this.baseBranch, folder);
  }

  async readFile(
    path: string,
    options?: { ref?: string },
  ): Promise<string | undefined> {
    const { status, data } = await this.call(
      `items?path=${encodeURIComponent(
        `/${path}`,
      )}&includeContent=true&${this.at(options?.ref ?? this.baseBranch)}`,
      { accept: [404] },
    );
    return status === 200 && !data.isFolder ? data.content : undefined;
  }

  async findRequest(branch: string): Promise<PublishedRequest | undefined> {
    const { data } = await this.call(
      `pullrequests?searchCriteria.sourceRefName=${encodeURIComponent(
        `refs/heads/${branch}`,
      )}&searchCriteria.status=active`,
    );
    const [open] = data.value as PullRequest[];
    return open ? this.toRequest(open) : undefined;
  }

  async listRequests(
    branchPrefix = '',
    options?: { limit?: number },
  ): Promise<PublishedRequest[]> {
    const limit = options?.limit ?? 50;
    const found: PublishedRequest[] = [];
    for (let page = 0; page < MAX_LIST_PAGES && found.length < limit; page++) {
      const { data } = await this.call(
        `pullrequests?searchCriteria.status=all&$top=${PAGE}&$skip=${
          page * PAGE
        }`,
      );
      const pulls = data.value as PullRequest[];
      found.push(
        ...pulls
          .filter(p => p.sourceRefName.startsWith(`refs/heads/${branchPrefix}`))
          .map(p => this.toRequest(p)),
      );
      if (pulls.length < PAGE) break;
    }
    // Azure DevOps lists newest first by creation; order by last change.
    const changed = (r: PublishedRequest) => r.updatedAt ?? r.createdAt ?? '';
    return found
      .sort((a, b) => changed(b).localeCompare(changed(a)))
      .slice(0, limit);
  }

  async publish(
    change: ChangeRequest,
  ): Promise<PublishedRequest & { created: boolean }> {
    return publishToForge(
      {
        findOpen: branch => this.findRequest(branch),
        pushBranch: c => this.pushBranch(c),
        update: async (open, title, description) => {
          const { data } = await this.call(`pullrequests/${open.number}`, {
            method: 'PATCH',
            json: { title, description },
          });
          return this.toRequest(data);
        },
        create: async (branch, title, description) => {
          const { status, data } = await this.call('pullrequests', {
            method: 'POST',
            json: {
              sourceRefName: `refs/heads/${branch}`,
              targetRefName: `refs/heads/${this.baseBranch}`,
              title,
              description,
            },
            // 409 TF401179: an active pull request for the branches exists.
            accept: [409],
          });
          return status === 409 ? undefined : this.toRequest(data);
        },
      },
      change,
      { maxBodyLength: MAX_DESCRIPTION },
    );
  }

  async bringUpToDate(branch: string): Promise<'current' | 'updated'> {
    return bringRequestUpToDate(
      this,
      {
        history: async b => {
          // The common commit, both heads and the changes from the common
          // commit to the branch, in one call.
          const { data } = await this.call(
            `diffs/commits?baseVersion=${encodeURIComponent(
              this.baseBranch,
            )}&baseVersionType=branch&targetVersion=${encodeURIComponent(
              b,
            )}&targetVersionType=branch&diffCommonCommit=true&$top=2000`,
          );
          const changes = (
            data.changes as Array<{
              item: { path: string; isFolder?: boolean };
              changeType: string;
              sourceServerItem?: string;
            }>
          )
            .filter(c => !c.item.isFolder)
            .flatMap(c => [
              ...(c.changeType.includes('rename') && c.sourceServerItem
                ? [
                    {
                      path: c.sourceServerItem.replace(/^\//, ''),
                      deleted: true,
                    },
                  ]
                : []),
              {
                path: c.item.path.replace(/^\//, ''),
                deleted: c.changeType.includes('delete'),
              },
            ]);
          return {
            tip: data.targetCommit as string,
            forkPoint: data.commonCommit as string,
            baseHead: data.baseCommit as string,
            changes,
          };
        },
        rebuild: (content, history) =>
          this.pushBranch(content, {
            onto: history.baseHead,
            tip: history.tip,
          }),
      },
      branch,
      { baseBranch: this.baseBranch },
    );
  }

  /**
   * Pushes one commit: on the base branch for a new branch, on the branch's
   * tip for an existing one (so the change is computed against the branch),
   * or on the commit `onto` replacing the branch's `tip` (bringing it up to
   * date; needs the Force push permission on the branch).
   */
  private async pushBranch(
    change: BranchContent,
    rebuild?: { onto: string; tip: string },
  ) {
    const tip = rebuild ? rebuild.tip : await this.tipOf(change.branch);
    let start = tip ? change.branch : this.baseBranch;
    if (rebuild) start = rebuild.onto;
    const files = (
      await Promise.all(touchedFolders(change).map(f => this.filesAt(start, f)))
    ).flat();
    const changes = planFileActions(change, files).map(a => ({
      changeType: CHANGE_TYPES[a.action],
      item: { path: `/${a.path}` },
      ...(a.action === 'delete'
        ? {}
        : { newContent: { content: a.content, contentType: 'rawtext' } }),
    }));
    let parent = rebuild?.onto;
    if (!rebuild && !tip) parent = await this.tipOf(this.baseBranch);
    // 409 TF401028: a concurrent run for the same subject pushed the branch
    // first; publishToForge then finds its pull request and compares.
    await this.call('pushes', {
      method: 'POST',
      accept: [409],
      json: {
        refUpdates: [
          {
            name: `refs/heads/${change.branch}`,
            oldObjectId: tip ?? NO_COMMIT,
          },
        ],
        commits: [
          {
            comment: change.title,
            changes,
            ...(parent ? { parents: [parent] } : {}),
          },
        ],
      },
    });
  }

  private async tipOf(branch: string): Promise<string | undefined> {
    const { data } = await this.call(
      `refs?filter=${encodeURIComponent(`heads/${branch}`)}`,
    );
    // The filter matches by prefix: pick the exact ref.
    return (data.value as Array<{ name: string; objectId: string }>).find(
      ref => ref.name === `refs/heads/${branch}`,
    )?.objectId;
  }

  private async filesAt(branch: string, folder: string): Promise<string[]> {
    const { status, data } = await this.call(
      `items?scopePath=${encodeURIComponent(
        `/${folder}`,
      )}&recursionLevel=Full&${this.at(branch)}`,
      { accept: [404] },
    );
    if (status === 404) return [];
    return (data.value as Array<{ path: string; isFolder?: boolean }>)
      .filter(item => !item.isFolder)
      .map(item => item.path.replace(/^\//, ''))
      .sort();
  }

  /** The version of a branch, or of a commit by SHA. */
  private at(ref: string) {
    return `versionDescriptor.version=${encodeURIComponent(
      ref,
    )}&versionDescriptor.versionType=${
      /^[0-9a-f]{40}$/.test(ref) ? 'commit' : 'branch'
    }`;
  }

  private call(
    path: string,
    options: { method?: string; json?: unknown; accept?: number[] } = {},
  ) {
    const separator = path.includes('?') ? '&' : '?';
    return restRequest(`${this.api}/${path}${separator}${API_VERSION}`, {
      ...options,
      headers: this.headers,
    });
  }

  private toRequest(pull: PullRequest): PublishedRequest {
    let state: PublishedRequest['state'] = 'closed';
    if (pull.status === 'completed') state = 'merged';
    if (pull.status === 'active') state = 'open';
    return {
      url: `${this.web}/pullrequest/${pull.pullRequestId}`,
      number: pull.pullRequestId,
      branch: pull.sourceRefName.replace(/^refs\/heads\//, ''),
      title: pull.title,
      state,
      fingerprint: readFingerprint(pull.description),
      requestedBy: readRequestedBy(pull.description),
      createdAt: pull.creationDate,
      updatedAt: pull.closedDate ?? pull.creationDate,
    };
  }
}
