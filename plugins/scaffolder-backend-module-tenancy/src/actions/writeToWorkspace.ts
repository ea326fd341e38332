import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { ActionContext } from '@backstage/plugin-scaffolder-node';

/**
 * Writes rendered files into the task's workspace: what a dry run (the
 * template editor) shows, and what runs without a publisher leave.
 */
export async function writeToWorkspace(
  ctx: ActionContext<any, any>,
  files: Record<string, string>,
  hasPublisher: boolean,
) {
  if (!ctx.isDryRun && !hasPublisher) {
    ctx.logger.warn(
      'No tenancy.gitops.publisher is configured: the files are only written to the workspace',
    );
  }
  for (const [path, content] of Object.entries(files)) {
    const target = resolveSafeChildPath(ctx.workspacePath, path);
    await fs.mkdir(dirname(target), { recursive: true });
    await fs.writeFile(target, content, 'utf8');
  }
}
