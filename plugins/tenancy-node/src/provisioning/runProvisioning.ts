import { createHash } from 'node:crypto';
import { InputError } from '@backstage/errors';
import {
  PreparedChange,
  ProvisioningCheck,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { requestBranch } from '../publishers/requestBranch';
import { GitOpsPublisher } from '../publishers/types';
import { validateManifestFiles } from '../manifests/validateManifestFiles';
import { noteAudit } from './auditedRun';
import { entityRefsOfFiles } from './entityRefsOfFiles';
import { publishChange } from './publishChange';
import { throwIfInvalid } from './throwIfInvalid';
import { ProvisioningRun } from './ProvisioningRun';

/**
 * How a prepared change becomes a pull request.
 *
 * @public
 */
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
  /**
   * Refuses the request against the base branch (throws), before anything is
   * written; answers the checks it ran, for the pull request body.
   */
  precheck?: (publisher: GitOpsPublisher) => Promise<ProvisioningCheck[]>;
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
  /** The requester's user entity ref, recorded with the pull request. */
  requestedBy: string;
  /** What identifies the request for re-runs; the final files by default. */
  fingerprintOf?: unknown;
}

/**
 * Validates every object of the files against the schema of its kind
 * (shipped in `src/manifests/`): an InputError naming the file, the object,
 * the JSON path and the rule of every failure, or one check per object.
 */
function validateFiles(
  what: string,
  files: Record<string, string>,
): ProvisioningCheck[] {
  const { problems, checks } = validateManifestFiles(files);
  if (problems.length > 0) {
    throw new InputError(
      `The ${what} request renders objects their schemas refuse; nothing was written:\n${problems
        .map(p => `- ${p.file}: ${p.object} at ${p.path}: ${p.rule}`)
        .join('\n')}`,
    );
  }
  return checks;
}

/** What composing the files against the base branch did, for the reviewer. */
function againstBaseChecks(
  prepared: Record<string, string>,
  files: Record<string, string>,
): ProvisioningCheck[] {
  const read = Object.keys(files).filter(
    path => files[path] !== prepared[path],
  );
  const unchanged = Object.keys(prepared).filter(path => !(path in files));
  return [
    ...read.map(path => ({
      name: `base branch: \`${path}\` read from it and changed`,
      result: 'passed' as const,
    })),
    ...(unchanged.length
      ? [
          {
            name: `base branch: ${unchanged.length} file(s) already as rendered left out of the change`,
            result: 'passed' as const,
          },
        ]
      : []),
  ];
}

/**
 * The one pipeline of every tenancy action after authorization and
 * preparation: refuses invalid requests (nothing written), honours dry runs,
 * checks the base branch, validates every rendered object against its schema
 * (nothing written on a failure), sets the `files` output and publishes the
 * pull request in a checkpoint, its body listing every check that ran.
 *
 * @public
 */
export async function runProvisioning(
  run: ProvisioningRun,
  publisher: GitOpsPublisher | undefined,
  plan: ProvisioningPlan,
): Promise<void> {
  const { prepared } = plan;
  const entityRefs = entityRefsOfFiles(prepared.files);
  if (entityRefs.length) noteAudit(run, { entityRefs });
  throwIfInvalid(plan.what, prepared.problems);
  if (!publisher && plan.dryRun === 'list') {
    throw new InputError(
      'tenancy.gitops.publisher is not configured: there is no repository to change',
    );
  }
  if (!publisher || (run.isDryRun && plan.dryRun === 'write')) {
    validateFiles(plan.what, prepared.files);
    run.output('files', Object.keys(prepared.files));
    if (!run.isDryRun && !publisher) {
      run.logger.warn(
        'No tenancy.gitops.publisher is configured: the files are only written to the workspace',
      );
    }
    await run.writeFiles(prepared.files);
    return;
  }
  const checks: ProvisioningCheck[] = [
    ...prepared.checks,
    {
      // Every action authorizes before it prepares (startTenantRequest,
      // startNamespaceChange, the tenant action's owner check).
      name: 'the requester belongs to the owning group, or is a platform admin',
      result: 'passed',
    },
  ];
  if (plan.precheck) checks.push(...(await plan.precheck(publisher)));
  const files = plan.againstBase
    ? await plan.againstBase(publisher, prepared.files)
    : prepared.files;
  if (plan.againstBase)
    checks.push(...againstBaseChecks(prepared.files, files));
  checks.push(...validateFiles(plan.what, files));
  const paths = Object.keys(files);
  run.output('files', plan.outputFiles ?? paths);
  if (run.isDryRun) return;

  const branch = requestBranch(prepared.tenant, prepared.subject);
  checks.push({
    name:
      plan.whenOpenDiffers === 'conflict'
        ? `open requests: none other on \`${branch}\` (the publisher refuses a different one)`
        : `open requests: an open request on \`${branch}\` is updated with this change`,
    result: 'passed',
  });
  await publishChange(run, publisher, {
    branch,
    title: prepared.title,
    body: prepared.describe(paths, checks),
    files,
    deletions: plan.deletions,
    fingerprint: createHash('sha256')
      .update(JSON.stringify(plan.fingerprintOf ?? files))
      .digest('hex'),
    whenOpenDiffers: plan.whenOpenDiffers,
    requestedBy: plan.requestedBy,
  });
}
