import {
  ConflictError,
  InputError,
  NotFoundError,
  NotImplementedError,
} from '@backstage/errors';
import {
  getBitbucketServerRequestOptions,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import { bringRequestUpToDate } from './bringRequestUpToDate';
import {
  BranchContent,
  publishToForge,
  readFingerprint,
  readRequestedBy,
} from './publishToForge';
import { restRequest } from './restRequest';
import { ChangeRequest, GitOpsPublisher, PublishedRequest } from './types';

type PullRequest = {
  id: number;
  version: number;
  title: string;
  description?: string;
  state: 'OPEN' | 'MERGED' | 'DECLINED';
  fromRef: { id: string; displayId: string };
  createdDate?: number;
  updatedDate?: number;
  links?: { self?: Array<{ href: string }> };
};

type Page<T> = { values: T[]; isLastPage: boolean; nextPageStart?: number };

const PAGE = 100;
const MAX_LIST_PAGES = 5;

/**
 * Pull requests on a Bitbucket Server / Data Center repository, through the
 * REST API 1.0, with the credentials of the matching
 * `integrations.bitbucketServer` entry. Its REST API writes one file per
 * commit and cannot delete files: a request becomes one commit per changed
 * file on its branch, and changes that delete files are refused. It cannot
 * move a branch either: bringing a request up to date deletes its branch
 * (Bitbucket declines the pull request), creates it again on the base head
 * with the merged files and reopens the same pull request.
 *
 * @public
 */
export class BitbucketServerPublisher implements GitOpsPublisher {
  static create(options: {
    repoUrl: string;
    baseBranch?: string;
    integrations: ScmIntegrationRegistry;
  }): BitbucketServerPublisher {
    const url = new URL(options.repoUrl);
    const integration = options.integrations.bitbucketServer.byHost(url.host);
    if (!integration) {
      throw new InputError(
        `no integrations.bitbucketServer entry for ${url.host}`,
      );
    }
    const match =
      /\/projects\/([^/]+)\/repos\/([^/]+)/.exec(url.pathname) ??
      /\/scm\/([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url.pathname);
    if (!match) {
      throw new InputError(
        `tenancy.gitops.publisher.repoUrl "${options.repoUrl}" must be https://<host>/projects/<KEY>/repos/<slug>`,
      );
    }
    const [, project, slug] = match;
    const root = integration.config.apiBaseUrl.replace(
      /\/rest\/api\/(1\.0|latest)\/?$/,
      '',
    );
    return new BitbucketServerPublisher(
      `${integration.config.apiBaseUrl}/projects/${project}/repos/${slug}`,
      `${root}/rest/branch-utils/1.0/projects/${project}/repos/${slug}/branches`,
      getBitbucketServerRequestOptions(integration.config).headers,
      options.baseBranch ?? 'main',
    );
  }

  private constructor(
    private readonly api: string,
    private readonly branchUtils: string,
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
      `browse/${encodePath(path)}?at=${this.ref(this.baseBranch)}&limit=1`,
      { accept: [404] },
    );
    return status === 200;
  }

  async listFiles(
    folder: string,
    options?: { ref?: string },
  ): Promise<string[]> {
    const files: string[] = [];
    for (let start = 0; ; ) {
      const { status, data } = await this.call<Page<string>>(
        `files/${encodePath(folder)}?at=${this.ref(
          options?.ref ?? this.baseBranch,
        )}&start=${start}&limit=1000`,
        { accept: [404] },
      );
      if (status === 404) return [];
      files.push(...data.values.map(p => `${folder}/${p}`));
      if (data.isLastPage || data.nextPageStart === undefined) break;
      start = data.nextPageStart;
    }
    return files.sort();
  }

  async readFile(
    path: string,
    options?: { ref?: string },
  ): Promise<string | undefined> {
    return this.readAt(options?.ref ?? this.baseBranch, path);
  }

  async findRequest(branch: string): Promise<PublishedRequest | undefined> {
    return toOptional(await this.findOpenPull(branch));
  }

  async listRequests(
    branchPrefix = '',
    options?: { limit?: number },
  ): Promise<PublishedRequest[]> {
    const limit = options?.limit ?? 50;
    const found: PublishedRequest[] = [];
    let start = 0;
    for (let page = 0; page < MAX_LIST_PAGES && found.length < limit; page++) {
      const { data } = await this.call<Page<PullRequest>>(
        `pull-requests?state=ALL&order=NEWEST&start=${start}&limit=${PAGE}`,
      );
      found.push(
        ...data.values
          .filter(p => p.fromRef.displayId.startsWith(branchPrefix))
          .map(toRequest),
      );
      if (data.isLastPage || data.nextPageStart === undefined) break;
      start = data.nextPageStart;
    }
    return found.slice(0, limit);
  }

  async publish(
    change: ChangeRequest,
  ): Promise<PublishedRequest & { created: boolean }> {
    if (change.deletions?.length) {
      throw new NotImplementedError(
        `Bitbucket Server's REST API cannot delete files: remove ${change.deletions.join(
          ', ',
        )} on a branch with git and open the pull request by hand`,
      );
    }
    return publishToForge(
      {
        findOpen: branch => this.findRequest(branch),
        pushBranch: c => this.pushBranch(c),
        update: async (open, title, description) => {
          // Updates must name the version they change.
          const current = (await this.findOpenPull(open.branch))!;
          const { data } = await this.call<PullRequest>(
            `pull-requests/${open.number}`,
            {
              method: 'PUT',
              json: { title, description, version: current.version },
            },
          );
          return toRequest(data);
        },
        create: async (branch, title, description) => {
          const { status, data } = await this.call<PullRequest>(
            'pull-requests',
            {
              method: 'POST',
              json: {
                title,
                description,
                fromRef: { id: `refs/heads/${branch}` },
                toRef: { id: `refs/heads/${this.baseBranch}` },
              },
              // DuplicatePullRequestException: one is open for the branches.
              accept: [409],
            },
          );
          return status === 409 ? undefined : toRequest(data);
        },
      },
      change,
    );
  }

  async bringUpToDate(branch: string): Promise<'current' | 'updated'> {
    return bringRequestUpToDate(
      this,
      {
        history: async b => {
          const [tip, baseHead] = await Promise.all([
            this.tipOf(b),
            this.tipOf(this.baseBranch),
          ]);
          if (!tip || !baseHead) {
            throw new NotFoundError(`no branch ${tip ? this.baseBranch : b}`);
          }
          // The branch's own commits, newest first: the oldest one's parent
          // is where it left the base branch.
          const own = await this.pages<{
            id: string;
            parents: Array<{ id: string }>;
          }>(`commits?since=${baseHead}&until=${tip}`);
          const forkPoint = own.length
            ? own[own.length - 1].parents[0].id
            : tip;
          const changed = await this.pages<{
            path: { toString: string };
            srcPath?: { toString: string };
            type: string;
          }>(`compare/changes?from=${tip}&to=${forkPoint}`);
          return {
            tip,
            baseHead,
            forkPoint,
            changes: changed.flatMap(c => [
              ...(c.type === 'MOVE' && c.srcPath
                ? [{ path: c.srcPath.toString, deleted: true }]
                : []),
              { path: c.path.toString, deleted: c.type === 'DELETE' },
            ]),
          };
        },
        rebuild: (content, history, request) =>
          this.rebuildBranch(request.number, content, history),
      },
      branch,
      { baseBranch: this.baseBranch },
    );
  }

  /**
   * Moves the branch onto the base head: delete it (declining its pull
   * request), create it at `onto`, commit the files, reopen the request.
   */
  private async rebuildBranch(
    number: number,
    content: BranchContent,
    history: { tip: string; baseHead: string },
  ) {
    if (content.deletions?.length) {
      throw new NotImplementedError(
        `Bitbucket Server's REST API cannot delete files: bring ${content.branch} up to date by hand`,
      );
    }
    await restRequest(this.branchUtils, {
      method: 'DELETE',
      headers: this.headers,
      json: { name: `refs/heads/${content.branch}`, endPoint: history.tip },
    });
    await this.call('branches', {
      method: 'POST',
      json: { name: content.branch, startPoint: history.baseHead },
    });
    await this.pushBranch(content);
    const { data: declined } = await this.call<PullRequest>(
      `pull-requests/${number}`,
    );
    await this.call(
      `pull-requests/${number}/reopen?version=${declined.version}`,
      { method: 'POST' },
    );
  }

  private async pages<T>(path: string): Promise<T[]> {
    const values: T[] = [];
    for (let start = 0; ; ) {
      const { data } = await this.call<Page<T>>(
        `${path}&start=${start}&limit=${PAGE}`,
      );
      values.push(...data.values);
      if (data.isLastPage || data.nextPageStart === undefined) return values;
      start = data.nextPageStart;
    }
  }

  private async findOpenPull(branch: string) {
    const { data } = await this.call<Page<PullRequest>>(
      `pull-requests?direction=OUTGOING&at=${this.ref(branch)}&state=OPEN`,
    );
    return data.values[0];
  }

  /**
   * Creates the branch from the base branch when missing, then commits each
   * file whose content differs on the branch (the API refuses empty edits).
   */
  private async pushBranch(change: BranchContent) {
    let tip = await this.tipOf(change.branch);
    if (!tip) {
      const { status, data } = await this.call('branches', {
        method: 'POST',
        json: {
          name: change.branch,
          startPoint: `refs/heads/${this.baseBranch}`,
        },
        // A concurrent run created it first.
        accept: [409],
      });
      tip =
        status === 409 ? await this.tipOf(change.branch) : data.latestCommit;
    }
    for (const [path, content] of Object.entries(change.files)) {
      const current = await this.readAt(change.branch, path);
      if (current === content) continue;
      const form = new FormData();
      // As a file part: multipart turns a string field's newlines into CRLF.
      form.set(
        'content',
        new Blob([content], { type: 'text/plain' }),
        path.split('/').pop(),
      );
      form.set('message', `${change.title}: ${path}`);
      form.set('branch', change.branch);
      if (current !== undefined) form.set('sourceCommitId', tip!);
      const { status, data } = await this.call(`browse/${encodePath(path)}`, {
        method: 'PUT',
        body: form,
        accept: [409],
      });
      if (status === 409) {
        // A concurrent run wrote the file first; fine if it wrote the same.
        if ((await this.readAt(change.branch, path)) !== content) {
          throw new ConflictError(
            `${path} changed on ${change.branch} while this request wrote it; run it again`,
          );
        }
        tip = await this.tipOf(change.branch);
      } else {
        tip = data.id;
      }
    }
  }

  private async tipOf(branch: string): Promise<string | undefined> {
    const { data } = await this.call<
      Page<{ id: string; displayId: string; latestCommit: string }>
    >(`branches?filterText=${encodeURIComponent(branch)}&limit=100`);
    return data.values.find(b => b.displayId === branch)?.latestCommit;
  }

  private async readAt(branch: string, path: string) {
    const { status, data } = await this.call<string>(
      `raw/${encodePath(path)}?at=${this.ref(branch)}`,
      { accept: [404], text: true },
    );
    return status === 200 ? data : undefined;
  }

  /** A branch, or a commit by SHA, as `at` names it. */
  private ref(ref: string) {
    return encodeURIComponent(
      /^[0-9a-f]{40}$/.test(ref) ? ref : `refs/heads/${ref}`,
    );
  }

  private call<T = any>(
    path: string,
    options: {
      method?: string;
      json?: unknown;
      body?: FormData;
      accept?: number[];
      text?: boolean;
    } = {},
  ) {
    return restRequest<T>(`${this.api}/${path}`, {
      ...options,
      headers: this.headers,
    });
  }
}

function encodePath(path: string) {
  return path.split('/').map(encodeURIComponent).join('/');
}

function toOptional(pull: PullRequest | undefined) {
  return pull ? toRequest(pull) : undefined;
}

function toRequest(pull: PullRequest): PublishedRequest {
  let state: PublishedRequest['state'] = 'closed';
  if (pull.state === 'MERGED') state = 'merged';
  if (pull.state === 'OPEN') state = 'open';
  const time = (ms?: number) =>
    ms === undefined ? undefined : new Date(ms).toISOString();
  return {
    url: pull.links?.self?.[0]?.href ?? '',
    number: pull.id,
    branch: pull.fromRef.displayId,
    title: pull.title,
    state,
    fingerprint: readFingerprint(pull.description),
    requestedBy: readRequestedBy(pull.description),
    createdAt: time(pull.createdDate),
    updatedAt: time(pull.updatedDate),
  };
}
