import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  bringRequestUpToDate,
  RequestBranchOperations,
} from './bringRequestUpToDate';
import { ChangeRequest, GitOpsPublisher, PublishedRequest } from './types';
import { withRepositoryLock } from './withRepositoryLock';

const exec = promisify(execFile);

interface RequestRecord extends PublishedRequest {
  body: string;
  createdAt: string;
  updatedAt: string;
}

const GIT_IDENTITY = {
  GIT_AUTHOR_NAME: 'Backstage tenancy',
  GIT_AUTHOR_EMAIL: 'tenancy@backstage.local',
  GIT_COMMITTER_NAME: 'Backstage tenancy',
  GIT_COMMITTER_EMAIL: 'tenancy@backstage.local',
};

/**
 * The GitOps repository of the embedded default: a local git repository
 * whose base branch is checked out (the catalog reads that working tree).
 * A "pull request" is a branch plus a record in `.git/tenancy/requests.json`;
 * `yarn gitops:merge <number>` merges it.
 *
 * @public
 */
export class LocalGitPublisher implements GitOpsPublisher {
  /**
   * Opens the repository at `path`; when it does not exist and `seedFrom` is
   * given, creates it with the seed's files as its first commit.
   */
  static async open(options: {
    path: string;
    seedFrom?: string;
    baseBranch?: string;
  }): Promise<LocalGitPublisher> {
    const path = resolve(options.path);
    const baseBranch = options.baseBranch ?? 'main';
    const publisher = new LocalGitPublisher(path, baseBranch);
    await withRepositoryLock(path, async () => {
      if (await exists(join(path, '.git'))) return;
      if (!options.seedFrom) {
        throw new NotFoundError(`no git repository at ${path}`);
      }
      await fs.mkdir(path, { recursive: true });
      await fs.cp(resolve(options.seedFrom), path, { recursive: true });
      await publisher.git('init', '--quiet', `--initial-branch=${baseBranch}`);
      await publisher.git('add', '--all');
      await publisher.git(
        'commit',
        '--quiet',
        '-m',
        'Seed the GitOps repository',
      );
    });
    return publisher;
  }

  private constructor(readonly path: string, readonly baseBranch: string) {}

  async baseRevision(): Promise<string> {
    return this.tipOf(this.baseBranch);
  }

  async exists(path: string): Promise<boolean> {
    try {
      await this.git('cat-file', '-e', `${this.baseBranch}:${path}`);
      return true;
    } catch {
      return false;
    }
  }

  async listFiles(
    folder: string,
    options?: { ref?: string },
  ): Promise<string[]> {
    const out = await this.git(
      'ls-tree',
      '-r',
      '--name-only',
      options?.ref ?? this.baseBranch,
      '--',
      folder,
    );
    return out.split('\n').filter(Boolean).sort();
  }

  async readFile(
    path: string,
    options?: { ref?: string },
  ): Promise<string | undefined> {
    try {
      return await this.git(
        'show',
        `${options?.ref ?? this.baseBranch}:${path}`,
      );
    } catch {
      return undefined;
    }
  }

  async findRequest(branch: string): Promise<PublishedRequest | undefined> {
    const records = await this.readRecords();
    return strip(records.find(r => r.branch === branch && r.state === 'open'));
  }

  async listRequests(
    branchPrefix = '',
    options?: { limit?: number },
  ): Promise<PublishedRequest[]> {
    return (await this.readRecords())
      .filter(r => r.branch.startsWith(branchPrefix))
      .sort(
        (a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.number - a.number,
      )
      .slice(0, options?.limit ?? 50)
      .map(r => strip(r)!);
  }

  async publish(
    change: ChangeRequest,
  ): Promise<PublishedRequest & { created: boolean }> {
    return withRepositoryLock(this.path, async () => {
      const records = await this.readRecords();
      const open = records.find(
        r => r.branch === change.branch && r.state === 'open',
      );
      if (open && open.fingerprint === change.fingerprint) {
        return { ...strip(open)!, created: false };
      }
      if (open && change.whenOpenDiffers === 'conflict') {
        throw new ConflictError(
          `${change.branch} is already requested, with other settings, in open request #${open.number} (${open.url})`,
        );
      }

      await this.commitToBranch(change);
      const now = new Date().toISOString();
      if (open) {
        Object.assign(open, {
          title: change.title,
          body: change.body,
          fingerprint: change.fingerprint,
          requestedBy: change.requestedBy,
          updatedAt: now,
        });
        await this.writeRecords(records);
        return { ...strip(open)!, created: false };
      }
      const number = records.reduce((max, r) => Math.max(max, r.number), 0) + 1;
      const record: RequestRecord = {
        number,
        url: `file://${this.path}/.git/tenancy/requests.json#${number}`,
        branch: change.branch,
        title: change.title,
        body: change.body,
        state: 'open',
        fingerprint: change.fingerprint,
        requestedBy: change.requestedBy,
        createdAt: now,
        updatedAt: now,
      };
      records.push(record);
      await this.writeRecords(records);
      return { ...strip(record)!, created: true };
    });
  }

  async bringUpToDate(branch: string): Promise<'current' | 'updated'> {
    return withRepositoryLock(this.path, () =>
      bringRequestUpToDate(this, this.branchOperations(), branch, {
        baseBranch: this.baseBranch,
      }),
    );
  }

  /**
   * Merges an open request into the base branch (the documented merge
   * command). A request whose branch is behind the base branch is brought up
   * to date first, so requests merge one after another in any order; one
   * that cannot be leaves the repository as it was.
   */
  async merge(number: number): Promise<PublishedRequest> {
    return withRepositoryLock(this.path, async () => {
      const records = await this.readRecords();
      const record = records.find(r => r.number === number);
      if (!record)
        throw new NotFoundError(`no request #${number} in ${this.path}`);
      if (record.state !== 'open') {
        throw new ConflictError(
          `request #${number} is ${record.state}, not open`,
        );
      }
      await this.git('checkout', '--quiet', this.baseBranch);
      await bringRequestUpToDate(this, this.branchOperations(), record.branch, {
        baseBranch: this.baseBranch,
        conflictError: c =>
          new ConflictError(
            `request #${number} conflicts with ${this.baseBranch} in ${c.file}; nothing was merged (${c.at}: ${c.reason}). Resolve it on ${record.branch} and merge again`,
          ),
      });
      try {
        await this.git(
          'merge',
          '--no-ff',
          '--quiet',
          '-m',
          `Merge request #${number}: ${record.title}`,
          record.branch,
        );
      } catch (e) {
        // Either the merge completes or the repository stays as it was: no
        // conflict markers or half-merged files are left behind.
        const conflicts = (
          await this.git('diff', '--name-only', '--diff-filter=U').catch(
            () => '',
          )
        )
          .split('\n')
          .filter(Boolean);
        await this.git('merge', '--abort').catch(() => undefined);
        throw new ConflictError(
          conflicts.length
            ? `request #${number} conflicts with ${
                this.baseBranch
              } in ${conflicts.join(', ')}; nothing was merged. Bring ${
                record.branch
              } up to date with ${this.baseBranch} and merge again`
            : `request #${number} could not be merged, nothing was merged: ${e}`,
        );
      }
      record.state = 'merged';
      record.updatedAt = new Date().toISOString();
      await this.writeRecords(records);
      return strip(record)!;
    });
  }

  /** The branch operations `bringRequestUpToDate` uses; run under the lock. */
  private branchOperations(): RequestBranchOperations {
    return {
      history: async branch => {
        const tip = await this.tipOf(branch);
        const baseHead = await this.tipOf(this.baseBranch);
        const forkPoint = (await this.git('merge-base', baseHead, tip)).trim();
        const changes = (
          await this.git(
            'diff',
            '--name-status',
            '--no-renames',
            '-z',
            forkPoint,
            tip,
          )
        )
          .split('\0')
          .filter(Boolean)
          .reduce<Array<{ path: string; deleted: boolean }>>(
            (list, field, i, fields) =>
              i % 2 === 1
                ? [...list, { path: field, deleted: fields[i - 1] === 'D' }]
                : list,
            [],
          );
        return { tip, forkPoint, baseHead, changes };
      },
      rebuild: async (content, history, request) => {
        const record = (await this.readRecords()).find(
          r => r.number === request.number,
        )!;
        await this.commitToBranch(
          { ...content, body: record.body },
          history.baseHead,
        );
      },
    };
  }

  private async tipOf(branch: string): Promise<string> {
    return (
      await this.git('rev-parse', '--verify', `refs/heads/${branch}^{commit}`)
    ).trim();
  }

  /**
   * Builds the branch afresh from the base branch (or the commit `onto`) with
   * the change applied, in a temporary worktree, so the checked-out base
   * branch is never touched.
   */
  private async commitToBranch(
    change: Pick<
      ChangeRequest,
      'branch' | 'title' | 'body' | 'files' | 'deletions'
    >,
    onto = this.baseBranch,
  ) {
    const worktree = await fs.mkdtemp(join(tmpdir(), 'tenancy-worktree-'));
    try {
      await this.git('worktree', 'add', '--quiet', '--detach', worktree, onto);
      for (const path of change.deletions ?? []) {
        await fs.rm(resolveSafeChildPath(worktree, path), {
          recursive: true,
          force: true,
        });
      }
      for (const [path, content] of Object.entries(change.files)) {
        const target = resolveSafeChildPath(worktree, path);
        await fs.mkdir(dirname(target), { recursive: true });
        await fs.writeFile(target, content, 'utf8');
      }
      await this.git('-C', worktree, 'add', '--all');
      await this.git(
        '-C',
        worktree,
        'commit',
        '--quiet',
        '--allow-empty',
        '-m',
        `${change.title}\n\n${change.body}`,
      );
      await this.git(
        'branch',
        '--force',
        change.branch,
        (await this.git('-C', worktree, 'rev-parse', 'HEAD')).trim(),
      );
    } finally {
      await this.git('worktree', 'remove', '--force', worktree).catch(
        () => undefined,
      );
      await fs.rm(worktree, { recursive: true, force: true });
    }
  }

  private recordsFile() {
    return join(this.path, '.git', 'tenancy', 'requests.json');
  }

  private async readRecords(): Promise<RequestRecord[]> {
    try {
      return JSON.parse(await fs.readFile(this.recordsFile(), 'utf8'));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
  }

  private async writeRecords(records: RequestRecord[]) {
    await fs.mkdir(dirname(this.recordsFile()), { recursive: true });
    const temp = `${this.recordsFile()}.${process.pid}.tmp`;
    await fs.writeFile(temp, JSON.stringify(records, null, 2));
    await fs.rename(temp, this.recordsFile());
  }

  private async git(...args: string[]): Promise<string> {
    const { stdout } = await exec('git', args, {
      cwd: this.path,
      env: { ...process.env, ...GIT_IDENTITY },
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  }
}

function strip(
  record: RequestRecord | undefined,
): PublishedRequest | undefined {
  if (!record) return undefined;
  const { url, number, branch, title, state, fingerprint } = record;
  const { requestedBy, createdAt, updatedAt } = record;
  return {
    url,
    number,
    branch,
    title,
    state,
    fingerprint,
    ...(requestedBy === undefined ? {} : { requestedBy }),
    createdAt,
    updatedAt,
  };
}

async function exists(path: string) {
  try {
    await fs.access(path);
    return true;
  } catch {
    return false;
  }
}
