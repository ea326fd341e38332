import type { ContainerLimits } from '../policy/rules/limits';
import type { TenancyPolicy } from '../policy/TenancyPolicy';
import type { ValidationProblem } from '../policy/ValidationProblem';
import { resolveContainerLimits } from './resolveContainerLimits';
import { resolveQuota } from './resolveQuota';

/**
 * A request's settings as asked for (a size and/or values) resolved to what
 * its namespace gets: the quota (see resolveQuota) and the container
 * LimitRange (see resolveContainerLimits). An unknown size is a problem.
 *
 * @public
 */
export function resolveSettings<
  T extends {
    environment: string;
    size?: string;
    quota?: Record<string, string>;
    limits?: ContainerLimits;
  },
>(
  policy: TenancyPolicy,
  draft: T,
  sizeField?: string,
): {
  input: Omit<T, 'size' | 'quota' | 'limits'> & {
    quota: Record<string, string>;
    limits: ContainerLimits;
  };
  problems: ValidationProblem[];
} {
  const { size, quota: explicit, limits, ...rest } = draft;
  const resolved = resolveQuota(policy, size, explicit, sizeField);
  return {
    input: {
      ...rest,
      quota: resolved.quota,
      limits: resolveContainerLimits({
        policy,
        environment: draft.environment,
        size,
        quota: resolved.quota,
        limits,
      }),
    },
    problems: resolved.problems,
  };
}
