import { LoggerService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import {
  GitOpsPublisher,
  PublishedRequest,
} from '@tenancy-plugins/backstage-plugin-tenancy-node';

/** Open requests looked at per run (the forges list the most recently updated first). */
const MAX_REQUESTS = 500;

/**
 * Brings every open provisioning request (branches `tenancy/…`) up to date
 * with the base branch, so reviewers merging in the forge's UI can merge a
 * tenant's requests one after another without conflicts. A request that
 * needs a person (a conflict) is left as it is and logged once, again only
 * when what it conflicts on changes; `refusals` keeps that between runs.
 * The requests it lists (every state) and the refusals are handed to
 * `history` last, so recording what happened to them costs no second
 * listing. Returns what happened, by branch.
 */
export async function refreshOpenRequests(options: {
  publisher: GitOpsPublisher;
  logger: LoggerService;
  refusals: Map<string, string>;
  history?: {
    observe(
      requests: PublishedRequest[],
      refusals: Map<string, string>,
    ): Promise<void>;
  };
}): Promise<Record<string, 'current' | 'updated' | 'refused' | 'failed'>> {
  const { publisher, logger, refusals } = options;
  const listed = await publisher.listRequests('tenancy/', {
    limit: MAX_REQUESTS,
  });
  const open = listed.filter(r => r.state === 'open');
  const outcome: Record<string, 'current' | 'updated' | 'refused' | 'failed'> =
    {};
  for (const request of open) {
    const { branch, number } = request;
    try {
      outcome[branch] = await publisher.bringUpToDate(branch);
      refusals.delete(branch);
      if (outcome[branch] === 'updated') {
        logger.info(
          `Brought request #${number} (${branch}) up to date with the base branch`,
        );
      }
    } catch (error) {
      const message = isError(error) ? error.message : String(error);
      if (isError(error) && error.name === 'ConflictError') {
        outcome[branch] = 'refused';
        if (refusals.get(branch) !== message) {
          logger.warn(
            `Request #${number} (${branch}) needs a person to resolve it: ${message}`,
          );
        }
        refusals.set(branch, message);
      } else {
        outcome[branch] = 'failed';
        logger.error(
          `Could not bring request #${number} (${branch}) up to date: ${message}`,
        );
      }
    }
  }
  // Forget requests that were merged or closed.
  for (const branch of refusals.keys()) {
    if (!(branch in outcome)) refusals.delete(branch);
  }
  await options.history?.observe(listed, refusals);
  return outcome;
}
