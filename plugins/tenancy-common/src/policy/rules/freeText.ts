import type { ValidationProblem } from '../ValidationProblem';
import { problem } from './problem';

/**
 * Control characters other than tab and line feed.
 *
 * @public
 */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/**
 * Free text a human writes (a purpose, a title): at most `maxLength`
 * characters, no control characters, and no line break when `singleLine`.
 * Rules `length` and `characters`.
 *
 * @public
 */
export function freeTextRule(
  text: string,
  field: string,
  options: { maxLength: number; singleLine?: boolean },
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  if (text.length > options.maxLength) {
    problems.push(
      problem(
        field,
        'length',
        `${field} is ${text.length} characters long; at most ${options.maxLength}`,
      ),
    );
  }
  if (
    CONTROL_CHARACTERS.test(text) ||
    (options.singleLine && /\n/.test(text))
  ) {
    problems.push(
      problem(
        field,
        'characters',
        `${field} must not contain control characters${
          options.singleLine ? ' or line breaks' : ''
        }`,
      ),
    );
  }
  return problems;
}
