import type { ContainerLimits } from '../policy/rules/limits';
import { REQUIRED_QUOTA_RESOURCES } from '../policy/rules/quantities';
import type { TenancyPolicy } from '../policy/TenancyPolicy';
import type { ValidationProblem } from '../policy/ValidationProblem';
import { resolveContainerLimits } from './resolveContainerLimits';
import { resolveQuota } from './resolveQuota';

/**
 * A request's settings as asked for (a size and/or values) resolved to what
 * its namespace gets: the quota (see resolveQuota; every other resource of
 * the environment's ceiling at the ceiling) and the container LimitRange
 * (see resolveContainerLimits). An unknown size is a problem.
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
  const asked = resolveQuota(policy, size, explicit, sizeField);
  // A resource the environment bounds but the request does not name is
  // bounded by the ceiling: a ResourceQuota limits only what it lists, so
  // leaving it out would leave it unlimited (e.g. requests.storage).
  // The compute resources stay required: never taken from the ceiling.
  const ceiling = Object.fromEntries(
    Object.entries(
      policy.environments[draft.environment]?.ceiling ?? {},
    ).filter(
      ([resource]) =>
        !(REQUIRED_QUOTA_RESOURCES as readonly string[]).includes(resource),
    ),
  );
  const resolved = {
    ...asked,
    quota: { ...ceiling, ...asked.quota },
  };
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
