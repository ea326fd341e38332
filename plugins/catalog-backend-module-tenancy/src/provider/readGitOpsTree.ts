import { promises as fs } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { NotModifiedError } from '@backstage/errors';
import { TreeFile } from './parseGitOpsTree';

/** The YAML files of a GitOps repository, or `undefined` when unchanged since `etag`. */
export interface GitOpsTree {
  files: TreeFile[];
  etag?: string;
  /** The catalog location of a file of this tree. */
  locationOf(path: string): string;
}

const isYaml = (path: string) =>
  path.endsWith('.yaml') || path.endsWith('.yml');

/**
 * Reads the GitOps repository at `target`: a URL through the UrlReader (any
 * configured `integrations.*` host), or a local folder (the embedded default).
 */
export async function readGitOpsTree(options: {
  target: string;
  reader: UrlReaderService;
  etag?: string;
}): Promise<GitOpsTree | undefined> {
  const { target, reader, etag } = options;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    try {
      const response = await reader.readTree(target, { etag, filter: isYaml });
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
  const files: TreeFile[] = [];
  await walk(root, async file => {
    if (isYaml(file)) {
      files.push({
        path: relative(root, file).split(sep).join('/'),
        content: await fs.readFile(file, 'utf8'),
      });
    }
  });
  return { files, locationOf: path => `file:${join(root, path)}` };
}

async function walk(dir: string, visit: (file: string) => Promise<void>) {
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      await walk(path, visit);
    } else if (entry.isFile()) {
      await visit(path);
    }
  }
}
