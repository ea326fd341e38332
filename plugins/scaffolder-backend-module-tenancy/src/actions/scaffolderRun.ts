import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { ProvisioningRun } from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { writeToWorkspace } from './writeToWorkspace';

/**
 * A scaffolder task's step as the run of a provisioning request: the task's
 * dry-run flag, logger, initiator and checkpoints, its outputs, and the
 * workspace for the rendered files. One per handler call (the audit event
 * of the run is keyed by it).
 */
export function scaffolderRun(
  ctx: ActionContext<any, any, any>,
): ProvisioningRun {
  return {
    isDryRun: ctx.isDryRun ?? false,
    logger: ctx.logger,
    userRef: ctx.user?.ref,
    taskId: ctx.task?.id,
    credentials: () => ctx.getInitiatorCredentials(),
    output: (name, value) => ctx.output(name, value),
    checkpoint: (key, fn) => ctx.checkpoint({ key, fn }),
    writeFiles: files => writeToWorkspace(ctx.workspacePath, files),
  };
}
