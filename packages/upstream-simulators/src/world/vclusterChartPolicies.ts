import { SimulatedNamespace } from './SimulatedWorld';

/**
 * The vcluster chart's (0.36.x) defaults for `policies.resourceQuota.quota`
 * and `policies.limitRange`, as its values.yaml has them
 * (contracts/vcluster/values.yaml).
 */
const CHART_DEFAULTS = {
  quota: {
    'requests.cpu': 10,
    'requests.memory': '20Gi',
    'requests.storage': '100Gi',
    'requests.ephemeral-storage': '60Gi',
    'limits.cpu': 20,
    'limits.memory': '40Gi',
    'limits.ephemeral-storage': '160Gi',
    'services.nodeports': 0,
    'services.loadbalancers': 1,
    'count/endpoints': 40,
    'count/pods': 20,
    'count/services': 20,
    'count/secrets': 100,
    'count/configmaps': 100,
    'count/persistentvolumeclaims': 20,
  },
  default: { 'ephemeral-storage': '8Gi', memory: '512Mi', cpu: '1' },
  defaultRequest: { 'ephemeral-storage': '3Gi', memory: '128Mi', cpu: '100m' },
  min: {},
  max: {},
} as const;

type Values = Record<string, unknown> | null | undefined;

/**
 * A map of the chart's values as Helm coalesces the user's over the chart's:
 * the user's keys win, and a key the user sets to `null` is removed. Each
 * value as the chart's templates write it (`| quote`).
 */
function coalesced(
  defaults: Record<string, unknown>,
  user: unknown,
): Record<string, string> {
  if (user === null) return {};
  const merged: Record<string, unknown> = {
    ...defaults,
    ...(typeof user === 'object' ? (user as Record<string, unknown>) : {}),
  };
  return Object.fromEntries(
    Object.entries(merged)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  );
}

const isTrue = (v: unknown) => String(v) === 'true';
const isFalse = (v: unknown) => String(v) === 'false';

/**
 * The ResourceQuota and LimitRange the vcluster chart creates in the host
 * namespace from an Application's Helm values (`policies.resourceQuota`,
 * `policies.limitRange`), as its templates `resourcequota.yaml` and
 * `limitrange.yaml` render them: both named `vc-<release>`, labelled
 * `app: vcluster`, `chart: vcluster-<version>`, `release`, `heritage`; either
 * one only when one of the two is `enabled: true` and it is not `false`
 * (the chart's default, `auto`, follows the other).
 */
export function vclusterChartPolicies(
  release: string,
  chartVersion: string | undefined,
  values: Values,
): Pick<SimulatedNamespace, 'quotas' | 'limitRanges'> {
  const policies = (values?.policies ?? {}) as Record<string, any>;
  const rq = (policies.resourceQuota ?? {}) as Record<string, any>;
  const lr = (policies.limitRange ?? {}) as Record<string, any>;
  const anyEnabled = isTrue(rq.enabled) || isTrue(lr.enabled);
  const labels = (extra: unknown): Record<string, string> => ({
    app: 'vcluster',
    chart: `vcluster-${chartVersion ?? ''}`.replace(/[+@]/g, '_').slice(0, 63),
    release,
    heritage: 'Helm',
    ...(extra && typeof extra === 'object'
      ? (extra as Record<string, string>)
      : {}),
  });
  const name = `vc-${release}`;

  const quotas: SimulatedNamespace['quotas'] =
    anyEnabled && !isFalse(rq.enabled)
      ? [
          {
            name,
            hard: coalesced(CHART_DEFAULTS.quota, rq.quota),
            labels: labels(rq.labels),
          },
        ]
      : [];

  const limit: Record<string, unknown> = {};
  for (const key of ['default', 'defaultRequest', 'min', 'max'] as const) {
    const entries = coalesced(CHART_DEFAULTS[key], lr[key]);
    if (Object.keys(entries).length > 0) limit[key] = entries;
  }
  limit.type = 'Container';
  const limitRanges: SimulatedNamespace['limitRanges'] =
    anyEnabled && !isFalse(lr.enabled)
      ? [{ name, limits: [limit], labels: labels(lr.labels) }]
      : [];

  return { quotas, limitRanges };
}
