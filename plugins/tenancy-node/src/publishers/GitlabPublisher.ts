import { InputError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { Gitlab } from '@gitbeaker/rest';
import { bringRequestUpToDate } from './bringRequestUpToDate';
import {
  BranchContent,
  planFileActions,
  publishToForge,
  readFingerprint,
  readRequestedBy,
  touchedFolders,
} from './publishToForge';
import { ChangeRequest, GitOpsPublisher, PublishedRequest } from './types';

type MergeRequest = {
  iid: number;
  web_url: string;
  title: string;
  description?: string | null;
  state: string;
  source_branch: string;
  created_at?: string;
  updated_at?: string;
};

type CompareDiff = {
  old_path: string;
  new_path: string;
  renamed_file: boolean;
  deleted_file: boolean;
};

/** Merge requests read when listing a tenant's requests (pages of 100). */
const MAX_LIST_PAGES = 5;

/**
 * Merge requests on a GitLab project, with the token of the matching
 * `integrations.gitlab` entry. Each run rebuilds the request branch as the
 * base branch plus one commit (Commits API with `start_branch` and `force`);
 * the request's fingerprint rides in the description.
 *
 * @public
 */
export class GitlabPublisher implements GitOpsPublisher {
  static create(options: {
    repoUrl: string;
    baseBranch?: string;
    integrations: ScmIntegrationRegistry;
  }): GitlabPublisher {
    const url = new URL(options.repoUrl);
    const integration = options.integrations.gitlab.byHost(url.host);
    if (!integration) {
      throw new InputError(`no integrations.gitlab entry for ${url.host}`);
    }
    const basePath = new URL(integration.config.baseUrl).pathname.replace(
      /\/+$/,
      '',
    );
    const project = url.pathname
      .slice(basePath.length)
      .replace(/^\/+|\/+$|\.git$/g, '');
    if (!project.includes('/')) {
      throw new InputError(
        `tenancy.gitops.publisher.repoUrl "${options.repoUrl}" must be ${integration.config.baseUrl}/<group>/<project>`,
      );
    }
    const api = new Gitlab({
      host: integration.config.baseUrl,
      token: integration.config.token ?? '',
    });
    return new GitlabPublisher(api, project, options.baseBranch ?? 'main');
  }

  private constructor(
    private readonly api: InstanceType<typeof Gitlab>,
    private readonly project: string,
    private readonly baseBranch: string,
  ) {}

  async baseRevision(): Promise<string> {
    return this.tipOf(this.baseBranch);
  }

  async exists(path: string): Promise<boolean> {
    return (
      (await this.readFile(path)) !== undefined ||
      (await this.listFiles(path)).length > 0
    );
  }

  async listFiles(
    folder: string,
    options?: { ref?: string },
  ): Promise<string[]> {
    const items = await notFoundAs(
      () =>
        this.api.Repositories.allRepositoryTrees(this.project, {
          path: folder,
          ref: options?.ref ?? this.baseBranch,
          recursive: true,
          perPage: 100,
        }),
      [],
    );
    return items
      .filter(item => item.type === 'blob')
      .map(item => item.path)
      .sort();
  }

  async readFile(
    path: string,
    options?: { ref?: string },
  ): Promise<string | undefined> {
    const raw = await notFoundAs(
      () =>
        this.api.RepositoryFiles.showRaw(
          this.project,
          path,
          options?.ref ?? this.baseBranch,
        ),
      undefined,
    );
    return raw === undefined ? undefined : String(raw);
  }

  async findRequest(branch: string): Promise<PublishedRequest | undefined> {
    const open = (await this.api.MergeRequests.all({
      projectId: this.project,
      sourceBranch: branch,
      state: 'opened',
    })) as unknown as MergeRequest[];
    return open[0] ? toRequest(open[0]) : undefined;
  }

  async listRequests(
    branchPrefix = '',
    options?: { limit?: number },
  ): Promise<PublishedRequest[]> {
    const all = (await this.api.MergeRequests.all({
      projectId: this.project,
      orderBy: 'updated_at',
      sort: 'desc',
      perPage: 100,
      maxPages: MAX_LIST_PAGES,
    })) as unknown as MergeRequest[];
    return all
      .filter(mr => mr.source_branch.startsWith(branchPrefix))
      .map(toRequest)
      .slice(0, options?.limit ?? 50);
  }

  async publish(
    change: ChangeRequest,
  ): Promise<PublishedRequest & { created: boolean }> {
    const { api, project } = this;
    return publishToForge(
      {
        findOpen: branch => this.findRequest(branch),
        pushBranch: c => this.pushBranch(c),
        update: async (open, title, description) =>
          toRequest(
            (await api.MergeRequests.edit(project, open.number, {
              title,
              description,
            })) as unknown as MergeRequest,
          ),
        create: async (branch, title, description) => {
          try {
            return toRequest(
              (await api.MergeRequests.create(
                project,
                branch,
                this.baseBranch,
                title,
                { description, removeSourceBranch: true },
              )) as unknown as MergeRequest,
            );
          } catch (e) {
            // 409: another open merge request exists for this source branch.
            if (statusOf(e) === 409) return undefined;
            throw e;
          }
        },
      },
      change,
    );
  }

  async bringUpToDate(branch: string): Promise<'current' | 'updated'> {
    const { api, project } = this;
    return bringRequestUpToDate(
      this,
      {
        history: async b => {
          const tip = await this.tipOf(b);
          const baseHead = await this.tipOf(this.baseBranch);
          const forkPoint = (
            await api.Repositories.mergeBase(project, [baseHead, tip])
          ).id as string;
          const compared = (await api.Repositories.compare(
            project,
            forkPoint,
            tip,
            { straight: true },
          )) as unknown as { diffs?: CompareDiff[] };
          const diffs = compared.diffs ?? [];
          return {
            tip,
            forkPoint,
            baseHead,
            changes: diffs.flatMap(d => [
              ...(d.renamed_file ? [{ path: d.old_path, deleted: true }] : []),
              { path: d.new_path, deleted: d.deleted_file },
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

  private async tipOf(branch: string): Promise<string> {
    return (await this.api.Branches.show(this.project, branch)).commit
      .id as string;
  }

  /**
   * Resets the branch to the base branch (or the commit `onto`) plus one
   * commit with the change.
   */
  private async pushBranch(change: BranchContent, onto?: string) {
    const baseFiles = (
      await Promise.all(
        touchedFolders(change).map(f => this.listFiles(f, { ref: onto })),
      )
    ).flat();
    const actions = planFileActions(change, baseFiles).map(a => ({
      action: a.action,
      filePath: a.path,
      ...(a.action === 'delete' ? {} : { content: a.content }),
    }));
    await this.api.Commits.create(
      this.project,
      change.branch,
      change.title,
      actions,
      onto
        ? { startSha: onto, force: true }
        : { startBranch: this.baseBranch, force: true },
    );
  }
}

function statusOf(e: unknown): number | undefined {
  return (e as { cause?: { response?: { status?: number } } })?.cause?.response
    ?.status;
}

async function notFoundAs<T, D>(fn: () => Promise<T>, fallback: D) {
  try {
    return await fn();
  } catch (e) {
    if (statusOf(e) === 404) return fallback;
    throw e;
  }
}

function toRequest(mr: MergeRequest): PublishedRequest {
  let state: PublishedRequest['state'] = 'closed';
  if (mr.state === 'merged') state = 'merged';
  if (mr.state === 'opened') state = 'open';
  return {
    url: mr.web_url,
    number: mr.iid,
    branch: mr.source_branch,
    title: mr.title,
    state,
    fingerprint: readFingerprint(mr.description),
    requestedBy: readRequestedBy(mr.description),
    createdAt: mr.created_at,
    updatedAt: mr.updated_at,
  };
}
