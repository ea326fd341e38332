import { ConflictError, NotFoundError } from '@backstage/errors';
import { mergeYamlChange, YamlMergeResult } from './mergeYamlChange';
import { BranchContent } from './publishToForge';
import { GitOpsPublisher, PublishedRequest } from './types';

/** Where a request branch stands against the base branch. */
export interface RequestBranchHistory {
  /** The branch's tip commit. */
  tip: string;
  /** Where the branch left the base branch (the parent of its commit). */
  forkPoint: string;
  /** The base branch's head now. */
  baseHead: string;
  /** Paths the branch changed since `forkPoint`, and whether it deleted them. */
  changes: Array<{ path: string; deleted: boolean }>;
}

/** What `bringRequestUpToDate` needs of a publisher besides its reads. */
export interface RequestBranchOperations {
  history(branch: string): Promise<RequestBranchHistory>;
  /**
   * Points the branch at one commit whose parent is `history.baseHead` (the
   * base head the files were merged against), holding `content`.
   */
  rebuild(
    content: BranchContent,
    history: RequestBranchHistory,
    request: PublishedRequest,
  ): Promise<void>;
}

/**
 * The algorithm every publisher shares: a branch behind the base branch gets
 * its change merged onto the base head file by file (`mergeYamlChange` of
 * the fork point's, the tip's and the base head's version) and is rebuilt as
 * one commit on the base head. A conflict writes nothing and is refused with
 * a ConflictError naming the file and the YAML path (or what `conflictError`
 * makes of it).
 */
export async function bringRequestUpToDate(
  publisher: Pick<GitOpsPublisher, 'findRequest' | 'readFile'>,
  operations: RequestBranchOperations,
  branch: string,
  options: {
    baseBranch: string;
    conflictError?: (
      conflict: Extract<YamlMergeResult, { merged: false }>,
    ) => Error;
  },
): Promise<'current' | 'updated'> {
  const request = await publisher.findRequest(branch);
  const readAt = (path: string, ref: string) =>
    publisher.readFile(path, { ref });
  if (!request) {
    throw new NotFoundError(`no open request for branch ${branch}`);
  }
  const history = await operations.history(branch);
  if (history.forkPoint === history.baseHead) return 'current';

  const files: Record<string, string> = {};
  const deletions: string[] = [];
  for (const { path, deleted } of history.changes) {
    const [base, current] = await Promise.all([
      readAt(path, history.forkPoint),
      readAt(path, history.baseHead),
    ]);
    const changed = deleted ? undefined : await readAt(path, history.tip);
    const result = mergeYamlChange({
      file: path,
      base,
      request: changed,
      current,
    });
    if (!result.merged) {
      throw (
        options.conflictError?.(result) ??
        new ConflictError(
          `${branch} cannot be brought up to date with ${options.baseBranch}: ${result.file}, ${result.at}: ${result.reason}. Nothing was written; resolve it on the branch by hand`,
        )
      );
    }
    if (result.text !== undefined) files[path] = result.text;
    else if (current !== undefined) deletions.push(path);
  }
  await operations.rebuild(
    { branch, title: request.title, files, deletions },
    history,
    request,
  );
  return 'updated';
}
