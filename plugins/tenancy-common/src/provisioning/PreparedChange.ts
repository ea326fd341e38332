import type { ValidationProblem } from '../policy/ValidationProblem';

/**
 * A check a request went through, as the reviewer reads it in the pull
 * request body.
 *
 * @public
 */
export interface ProvisioningCheck {
  /** What was checked, e.g. `schema: Namespace payments-api-dev valid against …`. */
  name: string;
  result: 'passed' | 'failed' | 'skipped';
  /** Why it failed or was skipped. */
  detail?: string;
}

/**
 * A provisioning request turned into the files of its pull request, or the
 * problems that refuse it (then `files` is empty and nothing may be written).
 *
 * @public
 */
export interface PreparedChange {
  problems: ValidationProblem[];
  /** Repository path to YAML text. */
  files: Record<string, string>;
  /** Tenant of the request branch `tenancy/<tenant>/<subject>`. */
  tenant: string;
  /** Subject of the request branch. */
  subject: string;
  /** Title of the pull request. */
  title: string;
  /**
   * The checks the preparation ran (the policy rules of the request kind);
   * the runner adds its own (base branch, schemas) before it describes.
   */
  checks: ProvisioningCheck[];
  /** The pull-request body, given every path the change writes and every check that ran. */
  describe(paths: string[], checks: ProvisioningCheck[]): string;
}
