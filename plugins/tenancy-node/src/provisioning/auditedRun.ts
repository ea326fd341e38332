import { AuditorService } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import { ProvisioningRun } from './ProvisioningRun';

/**
 * What an audit event of a request says, filled in as the run learns it.
 *
 * @public
 */
export interface RequestAuditMeta extends JsonObject {
  /** `namespace-create`, `namespace-update`, `namespace-delete`, `vcluster-create`, `tenant-create`, `tenant-exception`, `namespace-adopt`, `orphan-removal`. */
  actionType: string;
  /** The user entity ref of the requester. */
  requestedBy: string | null;
  taskId: string | null;
}

const notes = new WeakMap<object, Partial<JsonObject>>();

/**
 * Adds what the run has learnt (tenant, entity, request) to its audit
 * event; identifiers only, never input values or files.
 *
 * @public
 */
export function noteAudit(
  run: ProvisioningRun,
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
  notes.set(run, { ...notes.get(run), ...meta });
}

/**
 * Runs a request's work so each run that is not a dry run emits one
 * `provisioning-request` audit event through Backstage's auditor: who asked,
 * which tenant, entity and request, and whether it succeeded or was refused
 * (with the refusal's error).
 *
 * @public
 */
export async function auditedRun(
  run: ProvisioningRun,
  auditor: AuditorService,
  actionType: string,
  work: () => Promise<void>,
): Promise<void> {
  if (run.isDryRun) {
    await work();
    return;
  }
  const meta: RequestAuditMeta = {
    actionType,
    requestedBy: run.userRef ?? null,
    taskId: run.taskId ?? null,
  };
  const event = await auditor.createEvent({
    eventId: 'provisioning-request',
    severityLevel: 'medium',
    meta,
  });
  try {
    await work();
  } catch (error) {
    await event.fail({
      error: error as Error,
      meta: { ...meta, ...notes.get(run) },
    });
    throw error;
  }
  await event.success({ meta: { ...meta, ...notes.get(run) } });
}
