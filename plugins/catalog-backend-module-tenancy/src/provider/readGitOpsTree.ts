import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { NotModifiedError } from '@backstage/errors';
import { MAX_FILE_BYTES, MAX_TREE_BYTES, MAX_TREE_FILES } from './limits';
import { TreeFile } from './parseGitOpsTree';

/** The files of a GitOps repository the catalog reads. */
export interface GitOpsTree {
  files: TreeFile[];
  etag?: string;
  /** The catalog location of a file of this tree. */
  locationOf(path: string): string;
}

/** What one read may take in; the defaults are the constants of `limits.ts`. */
export interface TreeLimits {
  fileBytes: number;
  treeFiles: number;
  treeBytes: number;
}

const READ_CONCURRENCY = 32;

/**
 * Counts what a read takes in. A file over `fileBytes` is not read: it is
 * handed on with its size only, so that it fails its own entity. More files
 * or bytes than the tree limits fail the whole read.
 */
class TreeBudget {
  private files = 0;
  private bytes = 0;

  constructor(
    private readonly target: string,
    private readonly limits: TreeLimits,
  ) {}

  /** Counts one more file; throws past `treeFiles`. */
  countFile() {
    this.files += 1;
    if (this.files > this.limits.treeFiles) {
      throw new Error(
        `${this.target} has more than ${this.limits.treeFiles} files to read; at most ${this.limits.treeFiles}`,
      );
    }
  }

  /** Whether a file of `size` bytes is too large to read. */
  tooLarge(size: number) {
    return size > this.limits.fileBytes;
  }

  /** Counts the bytes of a file that is read; throws past `treeBytes`. */
  countBytes(size: number) {
    this.bytes += size;
    if (this.bytes > this.limits.treeBytes) {
      throw new Error(
        `${this.target} has more than ${this.limits.treeBytes} bytes in the files to read; at most ${this.limits.treeBytes}`,
      );
    }
  }
}

/** A file too large to read: its size, no content (see `readCandidate`). */
const oversized = (path: string, size: number): TreeFile => ({
  path,
  content: '',
  size,
});

/**
 * Reads the files of the GitOps repository at `target` that `wanted` selects
 * (by path relative to the repository root): a URL through the UrlReader (any
 * configured `integrations.*` host), a local git repository (its committed
 * checked-out branch: the embedded default's), or a plain local folder.
 * Answers `undefined` when a URL's content is unchanged since `etag`.
 *
 * Bounded by `limits`: a file over `fileBytes` comes back with its `size` and
 * no content; more than `treeFiles` files or `treeBytes` bytes rejects.
 */
export async function readGitOpsTree(options: {
  target: string;
  reader: UrlReaderService;
  wanted: (path: string) => boolean;
  etag?: string;
  limits?: Partial<TreeLimits>;
}): Promise<GitOpsTree | undefined> {
  const { target, reader, wanted, etag } = options;
  const budget = new TreeBudget(target, {
    fileBytes: MAX_FILE_BYTES,
    treeFiles: MAX_TREE_FILES,
    treeBytes: MAX_TREE_BYTES,
    ...options.limits,
  });
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    return readUrlTree(target, reader, wanted, budget, etag);
  }

  const root = resolve(target);
  if (await isGitRepository(root)) {
    return readCommittedTree(root, wanted, budget);
  }
  const paths: string[] = [];
  await walk(root, file => {
    const path = relative(root, file).split(sep).join('/');
    if (wanted(path)) paths.push(path);
  });
  paths.forEach(() => budget.countFile());
  const files: TreeFile[] = new Array(paths.length);
  let next = 0;
  await Promise.all(
    Array.from(
      { length: Math.min(READ_CONCURRENCY, paths.length) },
      async () => {
        while (next < paths.length) {
          const i = next++;
          const file = join(root, paths[i]);
          const { size } = await fs.stat(file);
          if (budget.tooLarge(size)) {
            files[i] = oversized(paths[i], size);
            continue;
          }
          budget.countBytes(size);
          const content = await fs.readFile(file);
          // The file may have grown since it was measured.
          files[i] = budget.tooLarge(content.length)
            ? oversized(paths[i], content.length)
            : { path: paths[i], content: content.toString('utf8') };
        }
      },
    ),
  );
  return { files, locationOf: path => `file:${join(root, path)}` };
}

async function readUrlTree(
  target: string,
  reader: UrlReaderService,
  wanted: (path: string) => boolean,
  budget: TreeBudget,
  etag: string | undefined,
): Promise<GitOpsTree | undefined> {
  // The filter sees each entry's size before its content is kept (archive
  // readers pass it; others do not, and the size is checked once read).
  // It must not throw inside the reader's stream, so a limit it hits is
  // remembered and thrown after.
  const skipped: TreeFile[] = [];
  const measured = new Set<string>();
  let overflow: unknown;
  const filter = (path: string, info?: { size: number }) => {
    if (!wanted(path) || overflow) return false;
    try {
      budget.countFile();
      if (info?.size !== undefined) {
        if (budget.tooLarge(info.size)) {
          skipped.push(oversized(path, info.size));
          return false;
        }
        budget.countBytes(info.size);
        measured.add(path);
      }
      return true;
    } catch (e) {
      overflow = e;
      return false;
    }
  };

  let response;
  try {
    response = await reader.readTree(target, { etag, filter });
  } catch (e) {
    if (
      e instanceof NotModifiedError ||
      (e as Error)?.name === 'NotModifiedError'
    ) {
      return undefined;
    }
    throw e;
  }
  const entries = await response.files();
  if (overflow) throw overflow;
  const files = await Promise.all(
    entries.map(async f => {
      const content = await f.content();
      if (budget.tooLarge(content.length)) {
        return oversized(f.path, content.length);
      }
      if (!measured.has(f.path)) budget.countBytes(content.length);
      return { path: f.path, content: content.toString('utf8') };
    }),
  );
  const base = target.replace(/\/+$/, '');
  return {
    files: [...files, ...skipped],
    etag: response.etag,
    locationOf: path => `url:${base}/${path}`,
  };
}

/** Whether `root` is the top folder of a git repository with a commit. */
function isGitRepository(root: string): Promise<boolean> {
  return new Promise(ok =>
    execFile(
      'git',
      ['rev-parse', '--show-toplevel', '--verify', 'HEAD'],
      { cwd: root },
      async (error, stdout) => {
        if (error) return ok(false);
        const [top, here] = await Promise.all([
          fs.realpath(stdout.split('\n')[0].trim()),
          fs.realpath(root),
        ]).catch(() => ['', '-']);
        return ok(top === here);
      },
    ),
  );
}

/**
 * A local git repository (the embedded default's): what is committed on its
 * checked-out branch, as a reviewer's merge left it, never uncommitted or
 * half-merged files of the working tree.
 */
async function readCommittedTree(
  root: string,
  wanted: (path: string) => boolean,
  budget: TreeBudget,
): Promise<GitOpsTree> {
  const git = (args: string[], input?: string) =>
    new Promise<Buffer>((ok, fail) => {
      const child = execFile(
        'git',
        args,
        { cwd: root, encoding: 'buffer', maxBuffer: MAX_TREE_BYTES * 2 },
        (error, stdout) => (error ? fail(error) : ok(stdout)),
      );
      child.stdin?.end(input);
    });
  // "<mode> <type> <sha> <size>\t<path>" for every blob of HEAD.
  const listing = (await git(['ls-tree', '-r', '-l', '-z', 'HEAD']))
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
    .map(line => {
      const [meta, path] = line.split('\t');
      const [, type, sha, size] = meta.split(/\s+/);
      return { type, sha, size: Number(size), path };
    })
    .filter(entry => entry.type === 'blob' && wanted(entry.path));
  const files: TreeFile[] = [];
  const read: typeof listing = [];
  for (const entry of listing) {
    budget.countFile();
    if (budget.tooLarge(entry.size)) {
      files.push(oversized(entry.path, entry.size));
      continue;
    }
    budget.countBytes(entry.size);
    read.push(entry);
  }
  // One `cat-file --batch` for all contents: "<sha> blob <size>\n<content>\n".
  const out = await git(
    ['cat-file', '--batch'],
    read.map(e => `${e.sha}\n`).join(''),
  );
  let offset = 0;
  for (const entry of read) {
    const header = out.indexOf(0x0a, offset);
    const start = header + 1;
    files.push({
      path: entry.path,
      content: out.subarray(start, start + entry.size).toString('utf8'),
    });
    offset = start + entry.size + 1;
  }
  return { files, locationOf: path => `file:${join(root, path)}` };
}

async function walk(dir: string, visit: (file: string) => void) {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  await Promise.all(
    entries.map(async entry => {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') return;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        await walk(path, visit);
      } else if (entry.isFile()) {
        visit(path);
      }
    }),
  );
}
