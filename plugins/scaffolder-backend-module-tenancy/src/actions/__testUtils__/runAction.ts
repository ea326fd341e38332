import { execFileSync } from 'node:child_process';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { JsonObject } from '@backstage/types';

/** Runs an action's handler in a mock context; returns the outputs it set. */
export async function runAction(
  action: { handler: (ctx: any) => Promise<void> },
  input: JsonObject,
  options: { workspacePath: string; isDryRun?: boolean },
): Promise<Record<string, any>> {
  const ctx = createMockActionContext({
    input,
    workspacePath: options.workspacePath,
  });
  (ctx as any).isDryRun = options.isDryRun ?? false;
  await action.handler(ctx as any);
  return Object.fromEntries((ctx.output as jest.Mock).mock.calls);
}

/** Runs git in a repository and returns its trimmed output. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}
