import type { ValidationProblem } from '../policy/ValidationProblem';

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
  /** The pull-request body, given every path the change writes. */
  describe(paths: string[]): string;
}
