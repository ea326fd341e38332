import { parseQuantity } from '../policy/quantity';
import { ContainerLimits, layerContainerLimits } from '../policy/rules/limits';
import type { TenancyPolicy } from '../policy/TenancyPolicy';

/**
 * The platform's container defaults where the policy configures none: small
 * requests, moderate limits, never above the namespace's quota. `max`
 * defaults to the namespace's limits quota.
 */
const BUILT_IN_DEFAULTS = {
  defaultRequest: { cpu: '100m', memory: '128Mi' },
  default: { cpu: '500m', memory: '512Mi' },
};

/** The smaller of two quantities, as written; `b` may be absent or invalid. */
function atMost(a: string, b: string | undefined): string {
  const x = parseQuantity(a);
  const y = b === undefined ? undefined : parseQuantity(b);
  return x && y && y.value < x.value ? b! : a;
}

function builtIn(quota: Record<string, string>): ContainerLimits {
  const level = (
    values: { cpu: string; memory: string },
    prefix: 'requests' | 'limits',
  ) => ({
    cpu: atMost(values.cpu, quota[`${prefix}.cpu`]),
    memory: atMost(values.memory, quota[`${prefix}.memory`]),
  });
  const limits = level(BUILT_IN_DEFAULTS.default, 'limits');
  const requests = level(BUILT_IN_DEFAULTS.defaultRequest, 'requests');
  return {
    default: limits,
    defaultRequest: {
      cpu: atMost(requests.cpu, limits.cpu),
      memory: atMost(requests.memory, limits.memory),
    },
  };
}

/**
 * The container LimitRange of a request: the request's own values over the
 * size's (`tenancy.policy.containerLimits.<size>`), over the environment's,
 * over the platform's built-in defaults (kept within the quota), value by
 * value; `max` of a
 * resource nobody set is the namespace's limits quota. So every namespace
 * gets a default request and limit for cpu and memory, and Kubernetes'
 * quota admission never rejects a pod for declaring none. The result is
 * checked by the LimitRange rule like any request.
 *
 * @public
 */
export function resolveContainerLimits(options: {
  policy: TenancyPolicy;
  environment: string;
  size?: string;
  quota: Record<string, string>;
  limits?: ContainerLimits;
}): ContainerLimits {
  const { policy, environment, size, quota } = options;
  const layers: Array<ContainerLimits | undefined> = [
    builtIn(quota),
    {
      max: {
        ...(quota['limits.cpu'] ? { cpu: quota['limits.cpu'] } : {}),
        ...(quota['limits.memory'] ? { memory: quota['limits.memory'] } : {}),
      },
    },
    policy.environments[environment]?.containerLimits,
    size ? policy.containerLimits?.[size] : undefined,
    options.limits,
  ];
  return layerContainerLimits(...layers);
}
