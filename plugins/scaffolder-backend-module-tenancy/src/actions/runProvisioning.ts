import { createHash } from 'node:crypto';
import { InputError } from '@backstage/errors';
import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { PreparedChange } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import {
  GitOpsPublisher,
  requestBranch,
} from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { publishChange } from './publishChange';
import { throwIfInvalid } from './throwIfInvalid';
import { writeToWorkspace } from './writeToWorkspace';

/** How a prepared change becomes a pull request. */
export interface ProvisioningPlan {
  prepared: PreparedChange;
  /** What the request asks for, for the error message ("namespace", "vCluster", …). */
  what: string;
  /**
   * `write`: a create; a dry run, or a run without publisher, writes the files
   * to the workspace. `list`: a change of the repository; a dry run only lists
   * the files, and a publisher is required.
   */
  dryRun: 'write' | 'list';
  /** Refuses the request against the base branch (throws), before anything is written. */
  precheck?: (publisher: GitOpsPublisher) => Promise<void>;
  /** The files of the change given the base branch (e.g. with the tenant's AppProject). */
  againstBase?: (
    publisher: GitOpsPublisher,
    files: Record<string, string>,
  ) => Promise<Record<string, string>>;
  /** Folders the change deletes. */
  deletions?: string[];
  /** The `files` output, when it is not the paths the change writes (a deletion lists what goes). */
  outputFiles?: string[];
  whenOpenDiffers: 'conflict' | 'update';
  /** What identifies the request for re-runs; the final files by default. */
  fingerprintOf?: unknown;
}

/**
 * The one pipeline of every tenancy action after authorization and
 * preparation: refuses invalid requests (nothing written), honours dry runs,
 * checks the base branch, sets the `files` output and publishes the pull
 * request in a checkpoint.
 */
export async function runProvisioning(
  ctx: ActionContext<any, any>,
  publisher: GitOpsPublisher | undefined,
  plan: ProvisioningPlan,
): Promise<void> {
  const { prepared } = plan;
  throwIfInvalid(plan.what, prepared.problems);
  if (!publisher && plan.dryRun === 'list') {
    throw new InputError(
      'tenancy.gitops.publisher is not configured: there is no repository to change',
    );
  }
  if (!publisher || (ctx.isDryRun && plan.dryRun === 'write')) {
    ctx.output('files', Object.keys(prepared.files));
    await writeToWorkspace(ctx, prepared.files, !!publisher);
    return;
  }
  await plan.precheck?.(publisher);
  const files = plan.againstBase
    ? await plan.againstBase(publisher, prepared.files)
    : prepared.files;
  const paths = Object.keys(files);
  ctx.output('files', plan.outputFiles ?? paths);
  if (ctx.isDryRun) return;

  await publishChange(ctx, publisher, {
    branch: requestBranch(prepared.tenant, prepared.subject),
    title: prepared.title,
    body: prepared.describe(paths),
    files,
    deletions: plan.deletions,
    fingerprint: createHash('sha256')
      .update(JSON.stringify(plan.fingerprintOf ?? files))
      .digest('hex'),
    whenOpenDiffers: plan.whenOpenDiffers,
  });
}
