import type { ValidationProblem } from '../ValidationProblem';

/**
 * One problem of a rule: the field, the rule's id and the message.
 *
 * @public
 */
export function problem(
  field: string,
  rule: string,
  message: string,
): ValidationProblem {
  return { field, rule, message };
}
