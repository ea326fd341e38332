import { AuditorService } from '@backstage/backend-plugin-api';
import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { JsonObject } from '@backstage/types';

/** What an audit event of a request says, filled in as the action learns it. */
export interface RequestAuditMeta extends JsonObject {
  /** `namespace-create`, `namespace-update`, `namespace-delete`, `vcluster-create`, `tenant-create`. */
  actionType: string;
  /** The user entity ref of the requester. */
  requestedBy: string | null;
  taskId: string | null;
}

const notes = new WeakMap<object, Partial<JsonObject>>();

/**
 * Adds what the action has learnt (tenant, entity, request) to the audit
 * event of the run of `ctx`; identifiers only, never input values or files.
 */
export function noteAudit(
  ctx: ActionContext<any, any, any>,
  meta: Partial<{
    requestedBy: string;
    tenant: string;
    entityRefs: string[];
    branch: string;
    requestNumber: number;
    requestUrl: string;
    created: boolean;
  }>,
): void {
  notes.set(ctx, { ...notes.get(ctx), ...meta });
}

/**
 * Runs an action's work so each run that is not a dry run emits one
 * `provisioning-request` audit event through Backstage's auditor: who asked,
 * which tenant, entity and request, and whether it succeeded or was refused
 * (with the refusal's error).
 */
export async function auditedRun(
  ctx: ActionContext<any, any, any>,
  auditor: AuditorService,
  actionType: string,
  run: () => Promise<void>,
): Promise<void> {
  if (ctx.isDryRun) {
    await run();
    return;
  }
  const meta: RequestAuditMeta = {
    actionType,
    requestedBy: ctx.user?.ref ?? null,
    taskId: ctx.task?.id ?? null,
  };
  const event = await auditor.createEvent({
    eventId: 'provisioning-request',
    severityLevel: 'medium',
    meta,
  });
  try {
    await run();
  } catch (error) {
    await event.fail({
      error: error as Error,
      meta: { ...meta, ...notes.get(ctx) },
    });
    throw error;
  }
  await event.success({ meta: { ...meta, ...notes.get(ctx) } });
}
