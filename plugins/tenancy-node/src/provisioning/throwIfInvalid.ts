import { InputError } from '@backstage/errors';
import { ValidationProblem } from '@tenancy-plugins/backstage-plugin-tenancy-common';

/** Rejects a request with every problem named (field, rule, message). */
export function throwIfInvalid(what: string, problems: ValidationProblem[]) {
  if (problems.length === 0) return;
  throw new InputError(
    `The ${what} request is invalid:\n${problems
      .map(p => `- ${p.field} (${p.rule}): ${p.message}`)
      .join('\n')}`,
  );
}
