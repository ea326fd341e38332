import type { TenancyPolicy } from '../policy/TenancyPolicy';
import type { ValidationProblem } from '../policy/ValidationProblem';

/**
 * The quota of a request: the named size's values of the policy, overridden
 * by explicit ones. An unknown size is a problem of the field `size`.
 *
 * @public
 */
export function resolveQuota(
  policy: TenancyPolicy,
  size: string | undefined,
  quota: Record<string, string> | undefined,
  field = 'size',
): { quota: Record<string, string>; problems: ValidationProblem[] } {
  const base = size ? policy.quotaSizes[size] : {};
  if (!base) {
    const known = Object.keys(policy.quotaSizes);
    return {
      quota: { ...quota },
      problems: [
        {
          field,
          rule: 'known-size',
          message: `size "${size}" is not one of ${
            known.join(', ') || 'the configured sizes (none)'
          }`,
        },
      ],
    };
  }
  return { quota: { ...base, ...quota }, problems: [] };
}
