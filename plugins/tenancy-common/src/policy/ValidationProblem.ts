/**
 * One reason a request is rejected: the field, the rule, and a message a
 * developer understands.
 *
 * @public
 */
export interface ValidationProblem {
  /** Dotted path of the input field, e.g. `quota.requests.cpu`. */
  field: string;
  /** Short id of the rule, e.g. `dns-1123`, `ceiling`, `reserved`. */
  rule: string;
  message: string;
}
