import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { z as zod } from 'zod/v3';
import {
  ChangeRequest,
  GitOpsPublisher,
} from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { noteAudit } from './auditedRun';

/**
 * Publishes a change once per task (a retried task reuses the checkpoint) and
 * sets the pull-request outputs every tenancy action shares.
 */
export async function publishChange(
  ctx: ActionContext<any, any>,
  publisher: GitOpsPublisher,
  change: ChangeRequest,
) {
  const published = await ctx.checkpoint({
    key: `publish-${change.branch}-${change.fingerprint}`,
    fn: async () => {
      const result = await publisher.publish(change);
      return {
        url: result.url,
        number: result.number,
        branch: result.branch,
        created: result.created,
      };
    },
  });
  noteAudit(ctx, {
    branch: published.branch,
    requestNumber: published.number,
    requestUrl: published.url,
    created: published.created,
  });
  ctx.logger.info(
    `${published.created ? 'Opened' : 'Found the open'} request #${
      published.number
    } on ${published.branch}: ${published.url}`,
  );
  ctx.output('branch', published.branch);
  ctx.output('pullRequestUrl', published.url);
  ctx.output('pullRequestNumber', published.number);
  return published;
}

/**
 * The outputs every tenancy action sets: the files of the change (see
 * runProvisioning) and its pull request (see publishChange).
 */
export const changeOutput = {
  files: (z: typeof zod) =>
    z
      .array(z.string())
      .describe(
        'Files of the change, relative to the repository root; for a decommission, the files it deletes.',
      ),
  branch: (z: typeof zod) =>
    z.string().optional().describe('The branch of the pull request.'),
  pullRequestUrl: (z: typeof zod) =>
    z.string().optional().describe('URL of the pull request.'),
  pullRequestNumber: (z: typeof zod) =>
    z.number().optional().describe('Number of the pull request.'),
};
