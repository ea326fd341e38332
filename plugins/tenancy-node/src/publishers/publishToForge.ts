import { ConflictError, InputError } from '@backstage/errors';
import { ChangeRequest, PublishedRequest } from './types';

const FINGERPRINT = /<!-- tenancy-fingerprint: ([0-9a-f]+) -->/;
const REQUESTED_BY = /<!-- tenancy-requested-by: ([\w:/.-]+) -->/;

/** The pull-request operations of one forge, as `publishToForge` uses them. */
export interface ForgeRequests {
  /** The open pull request of a branch, if there is one. */
  findOpen(branch: string): Promise<PublishedRequest | undefined>;
  /** Points the branch at the base branch with the change applied. */
  pushBranch(change: ChangeRequest): Promise<void>;
  update(
    request: PublishedRequest,
    title: string,
    body: string,
  ): Promise<PublishedRequest>;
  /** Opens a pull request; undefined when the forge says one is open already. */
  create(
    branch: string,
    title: string,
    body: string,
  ): Promise<PublishedRequest | undefined>;
}

/**
 * The publish algorithm every forge shares: reuse the branch's open request
 * for the same fingerprint, refuse or update it for another, else push and
 * open one; a concurrent run that opened it first wins and is returned.
 */
export async function publishToForge(
  forge: ForgeRequests,
  change: ChangeRequest,
  options: { maxBodyLength?: number } = {},
): Promise<PublishedRequest & { created: boolean }> {
  const body = withMarkers(
    change.body,
    { fingerprint: change.fingerprint, requestedBy: change.requestedBy },
    options.maxBodyLength,
  );
  const open = await forge.findOpen(change.branch);
  if (open && open.fingerprint === change.fingerprint) {
    return { ...open, created: false };
  }
  if (open && change.whenOpenDiffers === 'conflict') {
    throw new ConflictError(
      `${change.branch} is already requested, with other settings, in open pull request #${open.number} (${open.url})`,
    );
  }
  await forge.pushBranch(change);
  if (open) {
    return {
      ...(await forge.update(open, change.title, body)),
      created: false,
    };
  }
  const created = await forge.create(change.branch, change.title, body);
  if (created) return { ...created, created: true };
  const existing = await forge.findOpen(change.branch);
  if (!existing) {
    throw new ConflictError(
      `the forge refused a pull request for ${change.branch} as a duplicate, but none is open`,
    );
  }
  if (
    existing.fingerprint !== change.fingerprint &&
    change.whenOpenDiffers === 'conflict'
  ) {
    throw new ConflictError(
      `${change.branch} was requested, with other settings, at the same time in pull request #${existing.number} (${existing.url})`,
    );
  }
  return { ...existing, created: false };
}

/**
 * Appends the fingerprint and who asked as HTML comments (invisible when
 * rendered); bodies longer than the forge allows are cut before them.
 */
export function withMarkers(
  body: string,
  markers: { fingerprint: string; requestedBy?: string },
  maxLength = Infinity,
): string {
  const { fingerprint, requestedBy } = markers;
  if (requestedBy !== undefined && !/^[\w:/.-]+$/.test(requestedBy)) {
    throw new InputError(
      `requestedBy "${requestedBy}" must be an entity ref (letters, digits, ':', '/', '.', '-', '_')`,
    );
  }
  const marker = `\n\n<!-- tenancy-fingerprint: ${fingerprint} -->${
    requestedBy === undefined ? '' : `\n${requestedByMarker(requestedBy)}`
  }`;
  const room = maxLength - marker.length;
  const text =
    body.length > room ? `${body.slice(0, room - 2).trimEnd()} …` : body;
  return `${text}${marker}`;
}

/** The fingerprint a pull request body carries, if any. */
export function readFingerprint(body: string | null | undefined) {
  return FINGERPRINT.exec(body ?? '')?.[1];
}

/** Who asked for a pull request, as its body says, if it does. */
export function readRequestedBy(body: string | null | undefined) {
  return REQUESTED_BY.exec(body ?? '')?.[1];
}

function requestedByMarker(requestedBy: string) {
  return `<!-- tenancy-requested-by: ${requestedBy} -->`;
}

/** What a branch commit holds: the change's files and deletions. */
export type BranchContent = Pick<
  ChangeRequest,
  'branch' | 'title' | 'files' | 'deletions'
>;

/** One file operation of a commit built from a change. */
export type FileAction =
  | { action: 'create' | 'update'; path: string; content: string }
  | { action: 'delete'; path: string };

/**
 * Folders whose base-branch files decide between create, update and delete:
 * the parent folders of written files and the deleted paths.
 */
export function touchedFolders(change: BranchContent): string[] {
  const folders = new Set<string>(change.deletions ?? []);
  for (const path of Object.keys(change.files)) {
    folders.add(path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
  }
  return [...folders];
}

/**
 * The file operations that turn the base branch into base + change, for
 * forges whose commit APIs tell creating a file from updating one.
 * `baseFiles`: the base branch's files under `touchedFolders(change)`.
 */
export function planFileActions(
  change: BranchContent,
  baseFiles: Iterable<string>,
): FileAction[] {
  const existing = new Set(baseFiles);
  const actions: FileAction[] = [];
  for (const path of existing) {
    const deleted = change.deletions?.some(
      d => path === d || path.startsWith(`${d}/`),
    );
    if (deleted && change.files[path] === undefined) {
      actions.push({ action: 'delete', path });
    }
  }
  for (const [path, content] of Object.entries(change.files)) {
    actions.push({
      action: existing.has(path) ? 'update' : 'create',
      path,
      content,
    });
  }
  return actions;
}
