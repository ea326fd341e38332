import { freeTextRule } from '../policy/rules/freeText';
import { problem } from '../policy/rules/problem';
import type { ValidationProblem } from '../policy/ValidationProblem';

/** At least this long, so the reviewer reads a reason rather than "pls". */
const MIN_LENGTH = 10;

/**
 * A required reason of a request that needs one (a guardrail exception, an
 * orphan flagged for removal): 10 to 1000 characters once trimmed, no
 * control characters. Rules `justification`, `length`, `characters`.
 *
 * @public
 */
export function justificationRule(
  reason: string | undefined,
  field: string,
): ValidationProblem[] {
  const text = (reason ?? '').trim();
  if (text.length < MIN_LENGTH) {
    return [
      problem(
        field,
        'justification',
        `${field} must say why, in at least ${MIN_LENGTH} characters`,
      ),
    ];
  }
  return freeTextRule(text, field, { maxLength: 1000 });
}
