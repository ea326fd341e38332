import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';

/**
 * Writes rendered files into the task's workspace: what a dry run (the
 * template editor) shows, and what runs without a publisher leave.
 */
export async function writeToWorkspace(
  workspacePath: string,
  files: Record<string, string>,
) {
  for (const [path, content] of Object.entries(files)) {
    const target = resolveSafeChildPath(workspacePath, path);
    await fs.mkdir(dirname(target), { recursive: true });
    await fs.writeFile(target, content, 'utf8');
  }
}
