import { ChangeRequest, GitOpsPublisher } from '../publishers/types';
import { noteAudit } from './auditedRun';
import { ProvisioningRun } from './ProvisioningRun';

/**
 * Publishes a change once per run (a retried run reuses the checkpoint) and
 * sets the pull-request outputs every request shares.
 */
export async function publishChange(
  run: ProvisioningRun,
  publisher: GitOpsPublisher,
  change: ChangeRequest,
) {
  const published = await run.checkpoint(
    `publish-${change.branch}-${change.fingerprint}`,
    async () => {
      const result = await publisher.publish(change);
      return {
        url: result.url,
        number: result.number,
        branch: result.branch,
        created: result.created,
      };
    },
  );
  noteAudit(run, {
    branch: published.branch,
    requestNumber: published.number,
    requestUrl: published.url,
    created: published.created,
  });
  run.logger.info(
    `${published.created ? 'Opened' : 'Found the open'} request #${
      published.number
    } on ${published.branch}: ${published.url}`,
  );
  run.output('branch', published.branch);
  run.output('pullRequestUrl', published.url);
  run.output('pullRequestNumber', published.number);
  return published;
}
