import type { TenantRequest } from '@tenancy-plugins/backstage-plugin-tenancy-common';

/**
 * A change to the GitOps repository, to be reviewed as a pull request.
 *
 * @public
 */
export interface ChangeRequest {
  /** Deterministic per request subject, so a re-run updates the same branch. */
  branch: string;
  title: string;
  body: string;
  /** Files to write, by path in the repository. */
  files: Record<string, string>;
  /** Folders or files to delete, by path in the repository. */
  deletions?: string[];
  /** Identifies the change's content: equal fingerprints mean the same request. */
  fingerprint: string;
  /**
   * What to do when the branch has an open pull request with other content:
   * `update` it (a change to a pending request), or fail with a conflict
   * (someone else asked for the same thing first).
   */
  whenOpenDiffers: 'update' | 'conflict';
  /** Who asked for the change (a user entity ref, e.g. `user:default/guest`). */
  requestedBy?: string;
}

/**
 * State of a pull request.
 *
 * @public
 */
export type RequestState = TenantRequest['state'];

/**
 * A pull request on the GitOps repository: what the tenancy API shows of a
 * provisioning request, and the fingerprint of its content.
 *
 * @public
 */
export interface PublishedRequest extends TenantRequest {
  /** Identifies the content, as {@link ChangeRequest.fingerprint}. */
  fingerprint?: string;
  /** Who asked for it, as {@link ChangeRequest.requestedBy}. */
  requestedBy?: string;
}

/**
 * Writes change requests to a GitOps repository and reads its state.
 * Implementations: a local git repository (embedded default) and the forges.
 *
 * @public
 */
export interface GitOpsPublisher {
  /**
   * The commit SHA the base branch points to now, in one call: the `ref` at
   * which `listFiles` and `readFile` read what the base branch says at one
   * commit, and an unchanged value means nothing was committed to it.
   */
  baseRevision(): Promise<string>;
  /** Whether a path exists on the base branch. */
  exists(path: string): Promise<boolean>;
  /**
   * Paths of the files under a folder on the base branch (or at `options.ref`,
   * a branch such as an open request's, or a commit SHA), sorted.
   */
  listFiles(folder: string, options?: { ref?: string }): Promise<string[]>;
  /**
   * Reads a file of the base branch (or at `options.ref`, a branch or a
   * commit SHA), or undefined.
   */
  readFile(
    path: string,
    options?: { ref?: string },
  ): Promise<string | undefined>;
  /** The pull request of a branch, if there is one. */
  findRequest(branch: string): Promise<PublishedRequest | undefined>;
  /**
   * The pull requests (open, merged or closed) whose branch starts with the
   * prefix (default: all), most recently updated first; at most `limit`
   * (default 50).
   */
  listRequests(
    branchPrefix?: string,
    options?: { limit?: number },
  ): Promise<PublishedRequest[]>;
  /**
   * Creates the branch and pull request; when the branch's pull request is
   * open already, returns it unchanged for the same fingerprint, and updates
   * it or fails with a ConflictError otherwise (`whenOpenDiffers`). Never
   * opens a second pull request for a branch.
   */
  publish(
    change: ChangeRequest,
  ): Promise<PublishedRequest & { created: boolean }>;
  /**
   * Brings the open request of a branch up to date with the base branch when
   * the base moved on since the branch was built: its change is merged onto
   * the current base (`mergeYamlChange`, file by file) and the branch becomes
   * one commit on the base head again, so merging it is clean and keeps what
   * other requests merged meanwhile. `current` when it was up to date
   * already. A change that cannot be merged without a person (the same value
   * changed on both sides, a file deleted on one side and changed on the
   * other) is refused with a ConflictError naming the file and YAML path,
   * and nothing is written.
   */
  bringUpToDate(branch: string): Promise<'current' | 'updated'>;
}
