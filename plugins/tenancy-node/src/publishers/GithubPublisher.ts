import { InputError } from '@backstage/errors';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import { Octokit } from '@octokit/rest';
import { bringRequestUpToDate } from './bringRequestUpToDate';
import {
  BranchContent,
  publishToForge,
  readFingerprint,
  readRequestedBy,
} from './publishToForge';
import { ChangeRequest, GitOpsPublisher, PublishedRequest } from './types';

/** Pages of 100 pull requests read when listing a tenant's requests. */
const MAX_LIST_PAGES = 5;

type Pull = {
  html_url: string;
  number: number;
  title: string;
  body?: string | null;
  state: string;
  merged_at?: string | null;
  created_at?: string;
  updated_at?: string;
  head: { ref: string };
};

/**
 * Pull requests on a GitHub (or GitHub Enterprise) repository, with the
 * credentials of the matching `integrations.github` entry. Builds each branch
 * afresh from the base branch with the Git Data API, so a re-run replaces the
 * branch's single commit; the request's fingerprint rides in the PR body.
 *
 * @public
 */
export class GithubPublisher implements GitOpsPublisher {
  static async create(options: {
    repoUrl: string;
    baseBranch?: string;
    integrations: ScmIntegrationRegistry;
  }): Promise<GithubPublisher> {
    const url = new URL(options.repoUrl);
    const [owner, repo] = url.pathname.replace(/^\/|\.git$/g, '').split('/');
    if (!owner || !repo) {
      throw new InputError(
        `tenancy.gitops.publisher.repoUrl "${options.repoUrl}" must be https://<host>/<owner>/<repo>`,
      );
    }
    const integration = options.integrations.github.byHost(url.host);
    if (!integration) {
      throw new InputError(`no integrations.github entry for ${url.host}`);
    }
    const { token } = await DefaultGithubCredentialsProvider.fromIntegrations(
      options.integrations,
    ).getCredentials({ url: options.repoUrl });
    const octokit = new Octokit({
      auth: token,
      baseUrl: integration.config.apiBaseUrl,
    });
    return new GithubPublisher(
      octokit,
      owner,
      repo,
      options.baseBranch ?? 'main',
    );
  }

  private constructor(
    private readonly octokit: Octokit,
    private readonly owner: string,
    private readonly repo: string,
    private readonly baseBranch: string,
  ) {}

  async baseRevision(): Promise<string> {
    return this.headOf(this.baseBranch);
  }

  async exists(path: string): Promise<boolean> {
    return (await this.getContent(path)) !== undefined;
  }

  async listFiles(
    folder: string,
    options?: { ref?: string },
  ): Promise<string[]> {
    const { owner, repo } = this;
    const ref = options?.ref ?? this.baseBranch;
    const { data: commit } = await this.octokit.git.getCommit({
      owner,
      repo,
      commit_sha: /^[0-9a-f]{40}$/.test(ref) ? ref : await this.headOf(ref),
    });
    return (await this.blobPaths(commit.tree.sha))
      .filter(p => p.startsWith(`${folder}/`))
      .sort();
  }

  async readFile(
    path: string,
    options?: { ref?: string },
  ): Promise<string | undefined> {
    const content = await this.getContent(path, options?.ref);
    return content && 'content' in content
      ? Buffer.from(content.content as string, 'base64').toString('utf8')
      : undefined;
  }

  async findRequest(branch: string): Promise<PublishedRequest | undefined> {
    const { data } = await this.octokit.pulls.list({
      owner: this.owner,
      repo: this.repo,
      head: `${this.owner}:${branch}`,
      state: 'open',
    });
    return data[0] ? toRequest(data[0] as Pull) : undefined;
  }

  async listRequests(
    branchPrefix = '',
    options?: { limit?: number },
  ): Promise<PublishedRequest[]> {
    const limit = options?.limit ?? 50;
    const found: PublishedRequest[] = [];
    // GitHub cannot filter pulls by a branch prefix: page through the most
    // recently updated ones (a bounded number of pages) and filter here.
    for (let page = 1; page <= MAX_LIST_PAGES && found.length < limit; page++) {
      const { data } = await this.octokit.pulls.list({
        owner: this.owner,
        repo: this.repo,
        state: 'all',
        sort: 'updated',
        direction: 'desc',
        per_page: 100,
        page,
      });
      found.push(
        ...(data as Pull[])
          .filter(p => p.head.ref.startsWith(branchPrefix))
          .map(toRequest),
      );
      if (data.length < 100) break;
    }
    return found.slice(0, limit);
  }

  async publish(
    change: ChangeRequest,
  ): Promise<PublishedRequest & { created: boolean }> {
    const { owner, repo } = this;
    return publishToForge(
      {
        findOpen: branch => this.findRequest(branch),
        pushBranch: c => this.pushBranch(c),
        update: async (open, title, body) => {
          const { data } = await this.octokit.pulls.update({
            owner,
            repo,
            pull_number: open.number,
            title,
            body,
          });
          return toRequest(data as Pull);
        },
        create: async (branch, title, body) => {
          try {
            const { data } = await this.octokit.pulls.create({
              owner,
              repo,
              head: branch,
              base: this.baseBranch,
              title,
              body,
            });
            return toRequest(data as Pull);
          } catch (e) {
            // 422: a pull request for the branch exists already.
            if ((e as { status?: number }).status === 422) return undefined;
            throw e;
          }
        },
      },
      change,
    );
  }

  async bringUpToDate(branch: string): Promise<'current' | 'updated'> {
    const { owner, repo } = this;
    return bringRequestUpToDate(
      this,
      {
        history: async b => {
          const [tip, baseHead] = await Promise.all([
            this.headOf(b),
            this.headOf(this.baseBranch),
          ]);
          // Three-dot compare: the merge base and the files the branch
          // changed since it.
          const { data } = await this.octokit.repos.compareCommits({
            owner,
            repo,
            base: baseHead,
            head: tip,
            per_page: 100,
          });
          return {
            tip,
            baseHead,
            forkPoint: data.merge_base_commit.sha,
            changes: (data.files ?? []).flatMap(f => [
              ...(f.status === 'renamed' && f.previous_filename
                ? [{ path: f.previous_filename, deleted: true }]
                : []),
              { path: f.filename, deleted: f.status === 'removed' },
            ]),
          };
        },
        rebuild: (content, history) =>
          this.pushBranch(content, history.baseHead),
      },
      branch,
      { baseBranch: this.baseBranch },
    );
  }

  private async headOf(branch: string): Promise<string> {
    const { data } = await this.octokit.git.getRef({
      owner: this.owner,
      repo: this.repo,
      ref: `heads/${branch}`,
    });
    return data.object.sha;
  }

  /**
   * Points the branch at one commit: the base branch (or the commit `onto`)
   * with the change applied.
   */
  private async pushBranch(change: BranchContent, onto?: string) {
    const { owner, repo } = this;
    const baseSha = onto ?? (await this.headOf(this.baseBranch));
    const { data: baseCommit } = await this.octokit.git.getCommit({
      owner,
      repo,
      commit_sha: baseSha,
    });

    const deletions: Array<{
      path: string;
      mode: '100644';
      type: 'blob';
      sha: null;
    }> = [];
    if (change.deletions?.length) {
      for (const path of await this.blobPaths(baseCommit.tree.sha)) {
        if (
          change.deletions.some(d => path === d || path.startsWith(`${d}/`))
        ) {
          deletions.push({ path, mode: '100644', type: 'blob', sha: null });
        }
      }
    }
    const { data: tree } = await this.octokit.git.createTree({
      owner,
      repo,
      base_tree: baseCommit.tree.sha,
      tree: [
        ...deletions,
        ...Object.entries(change.files).map(([path, content]) => ({
          path,
          mode: '100644' as const,
          type: 'blob' as const,
          content,
        })),
      ],
    });
    const { data: commit } = await this.octokit.git.createCommit({
      owner,
      repo,
      message: change.title,
      tree: tree.sha,
      parents: [baseSha],
    });
    try {
      await this.octokit.git.createRef({
        owner,
        repo,
        ref: `refs/heads/${change.branch}`,
        sha: commit.sha,
      });
    } catch (e) {
      if ((e as { status?: number }).status !== 422) throw e;
      await this.octokit.git.updateRef({
        owner,
        repo,
        ref: `heads/${change.branch}`,
        sha: commit.sha,
        force: true,
      });
    }
  }

  private async blobPaths(treeSha: string): Promise<string[]> {
    const { data } = await this.octokit.git.getTree({
      owner: this.owner,
      repo: this.repo,
      tree_sha: treeSha,
      recursive: 'true',
    });
    return data.tree
      .filter(item => item.type === 'blob')
      .map(item => item.path!);
  }

  private async getContent(path: string, ref = this.baseBranch) {
    try {
      const { data } = await this.octokit.repos.getContent({
        owner: this.owner,
        repo: this.repo,
        path,
        ref,
      });
      return data;
    } catch (e) {
      if ((e as { status?: number }).status === 404) return undefined;
      throw e;
    }
  }
}

function stateOf(pull: Pull): PublishedRequest['state'] {
  if (pull.merged_at) return 'merged';
  return pull.state === 'open' ? 'open' : 'closed';
}

function toRequest(pull: Pull): PublishedRequest {
  return {
    url: pull.html_url,
    number: pull.number,
    branch: pull.head.ref,
    title: pull.title,
    state: stateOf(pull),
    fingerprint: readFingerprint(pull.body),
    requestedBy: readRequestedBy(pull.body),
    createdAt: pull.created_at,
    updatedAt: pull.updated_at,
  };
}
