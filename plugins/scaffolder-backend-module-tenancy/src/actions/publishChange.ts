import { ActionContext } from '@backstage/plugin-scaffolder-node';
import {
  ChangeRequest,
  GitOpsPublisher,
} from '@tenancy-plugins/backstage-plugin-tenancy-node';

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
