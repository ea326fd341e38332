import { promises as fs } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { NotModifiedError } from '@backstage/errors';
import { TreeFile } from './parseGitOpsTree';

/** The files of a GitOps repository the catalog reads. */
export interface GitOpsTree {
  files: TreeFile[];
  etag?: string;
  /** The catalog location of a file of this tree. */
  locationOf(path: string): string;
}

const READ_CONCURRENCY = 32;

/**
 * Reads the files of the GitOps repository at `target` that `wanted` selects
 * (by path relative to the repository root): a URL through the UrlReader (any
 * configured `integrations.*` host), or a local folder (the embedded default).
 * Answers `undefined` when a URL's content is unchanged since `etag`.
 */
export async function readGitOpsTree(options: {
  target: string;
  reader: UrlReaderService;
  wanted: (path: string) => boolean;
  etag?: string;
}): Promise<GitOpsTree | undefined> {
  const { target, reader, wanted, etag } = options;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    try {
      const response = await reader.readTree(target, { etag, filter: wanted });
      const files = await Promise.all(
        (
          await response.files()
        ).map(async f => ({
          path: f.path,
          content: (await f.content()).toString('utf8'),
        })),
      );
      const base = target.replace(/\/+$/, '');
      return {
        files,
        etag: response.etag,
        locationOf: path => `url:${base}/${path}`,
      };
    } catch (e) {
      if (
        e instanceof NotModifiedError ||
        (e as Error)?.name === 'NotModifiedError'
      ) {
        return undefined;
      }
      throw e;
    }
  }

  const root = resolve(target);
  const paths: string[] = [];
  await walk(root, file => {
    const path = relative(root, file).split(sep).join('/');
    if (wanted(path)) paths.push(path);
  });
  const files: TreeFile[] = new Array(paths.length);
  let next = 0;
  await Promise.all(
    Array.from(
      { length: Math.min(READ_CONCURRENCY, paths.length) },
      async () => {
        while (next < paths.length) {
          const i = next++;
          files[i] = {
            path: paths[i],
            content: await fs.readFile(join(root, paths[i]), 'utf8'),
          };
        }
      },
    ),
  );
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
