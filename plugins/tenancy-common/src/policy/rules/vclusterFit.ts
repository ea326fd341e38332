import { formatQuantity, parseQuantity } from '../quantity';
import type { TenancyPolicy } from '../TenancyPolicy';
import type { ValidationProblem } from '../ValidationProblem';
import { problem } from './problem';

/**
 * What the vCluster chart 0.36 runs in its host namespace by default
 * (values.yaml `controlPlane.statefulSet.resources` and
 * `controlPlane.coredns.deployment.resources`; a test compares them).
 *
 * @public
 */
export const VCLUSTER_CHART_RESOURCES = {
  controlPlane: { limits: { memory: '4Gi' }, requests: { memory: '256Mi' } },
  coredns: { limits: { memory: '170Mi' }, requests: { memory: '64Mi' } },
} as const;

type Values = {
  controlPlane?: {
    statefulSet?: { resources?: Record<string, Record<string, string>> };
    coredns?: {
      deployment?: { resources?: Record<string, Record<string, string>> };
    };
  };
};

/**
 * A vCluster that can run where it is asked for: the chart's control plane
 * runs as root, which Pod Security `restricted` refuses (rule
 * `vcluster-pod-security`), and the host namespace's quota must hold the
 * control plane and CoreDNS (their memory, as the request's values or the
 * chart's defaults set them; rule `vcluster-minimum`).
 *
 * @public
 */
export function vclusterFitRule(
  input: {
    environment: string;
    quota: Record<string, string>;
    values?: Record<string, unknown>;
  },
  policy: TenancyPolicy,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  if (policy.environments[input.environment]?.podSecurity === 'restricted') {
    problems.push(
      problem(
        'environment',
        'vcluster-pod-security',
        `environment "${input.environment}" enforces Pod Security restricted, which refuses the vCluster chart's control plane (it runs as root): ask for the vCluster in an environment at baseline`,
      ),
    );
  }
  const values = (input.values ?? {}) as Values;
  const controlPlane = values.controlPlane?.statefulSet?.resources ?? {};
  const coredns = values.controlPlane?.coredns?.deployment?.resources ?? {};
  for (const kind of ['limits', 'requests'] as const) {
    const need =
      (parseQuantity(
        controlPlane[kind]?.memory ??
          VCLUSTER_CHART_RESOURCES.controlPlane[kind].memory,
      )?.value ?? 0) +
      (parseQuantity(
        coredns[kind]?.memory ?? VCLUSTER_CHART_RESOURCES.coredns[kind].memory,
      )?.value ?? 0);
    const field = `quota.${kind}.memory`;
    const has = parseQuantity(input.quota[`${kind}.memory`] ?? '');
    if (has && has.value < need) {
      problems.push(
        problem(
          field,
          'vcluster-minimum',
          `${field} "${
            input.quota[`${kind}.memory`]
          }" cannot hold the vCluster's control plane and CoreDNS, which take ${formatQuantity(
            'memory',
            need,
          )}: choose a larger size`,
        ),
      );
    }
  }
  return problems;
}
