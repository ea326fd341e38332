import {
  FLUX_GROUPS,
  POLICY_REPORT_GROUPS,
  SIMULATED_FAULTS,
  SimulatedDrift,
  SimulatedVClusterState,
  SimulatorControls,
} from './SimulatorControls';

type Check<T> = (value: unknown, field: string) => T;

const fail = (field: string, rule: string): never => {
  throw new Error(`${field} must be ${rule}`);
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text: Check<string> = (value, field) =>
  typeof value === 'string' && value !== ''
    ? value
    : fail(field, 'a non-empty string');

const textOrNull: Check<string | null> = (value, field) =>
  value === null ? null : text(value, field);

const optional =
  <T>(check: Check<T>): Check<T | undefined> =>
  (value, field) =>
    value === undefined ? undefined : check(value, field);

const listOf =
  <T>(check: Check<T>): Check<T[]> =>
  (value, field) =>
    Array.isArray(value)
      ? value.map((v, i) => check(v, `${field}[${i}]`))
      : fail(field, 'a list');

const recordOf =
  <T>(check: Check<T>): Check<Record<string, T>> =>
  (value, field) =>
    isObject(value)
      ? Object.fromEntries(
          Object.entries(value).map(([k, v]) => [k, check(v, `${field}.${k}`)]),
        )
      : fail(field, 'an object');

const oneOf =
  <T extends string>(values: T[]): Check<T> =>
  (value, field) =>
    values.includes(value as T)
      ? (value as T)
      : fail(field, `one of ${values.join(', ')}`);

const group = oneOf(POLICY_REPORT_GROUPS);

const policyReportFaults = recordOf((value, field) => {
  const faults = recordOf(optional(listOf(group)))(value, field);
  for (const key of Object.keys(faults)) {
    if (key !== 'absent' && key !== 'malformed') {
      fail(`${field}.${key}`, 'absent or malformed');
    }
  }
  return faults;
});

const fluxFaults = recordOf((value, field) => {
  const faults = recordOf(optional(listOf(oneOf(FLUX_GROUPS))))(value, field);
  for (const key of Object.keys(faults)) {
    if (!['absent', 'forbidden', 'malformed'].includes(key)) {
      fail(`${field}.${key}`, 'absent, forbidden or malformed');
    }
  }
  return faults;
});

const orphan = (value: unknown, field: string) => {
  if (!isObject(value)) return fail(field, 'an object');
  return {
    namespace: text(value.namespace, `${field}.namespace`),
    tenant: text(value.tenant, `${field}.tenant`),
    ...(value.environment !== undefined
      ? { environment: text(value.environment, `${field}.environment`) }
      : {}),
    ...(value.like !== undefined
      ? { like: text(value.like, `${field}.like`) }
      : {}),
  };
};

const drift = recordOf((value, field): SimulatedDrift => {
  if (!isObject(value)) return fail(field, 'an object');
  const checks: { [K in keyof SimulatedDrift]-?: Check<SimulatedDrift[K]> } = {
    orphans: optional(listOf(orphan)),
    missing: optional(listOf(text)),
    labels: optional(recordOf(recordOf(textOrNull))),
    quotas: optional(recordOf(recordOf(recordOf(textOrNull)))),
    limitRanges: optional(
      recordOf(
        recordOf(
          listOf((v, f) =>
            isObject(v) ? v : fail(f, 'an object (a LimitRange item)'),
          ),
        ),
      ),
    ),
  };
  const out: SimulatedDrift = {};
  for (const [key, v] of Object.entries(value)) {
    const check = checks[key as keyof SimulatedDrift];
    if (!check) {
      fail(`${field}.${key}`, `one of ${Object.keys(checks).join(', ')}`);
    }
    (out as Record<string, unknown>)[key] = check(v, `${field}.${key}`);
  }
  return out;
});

const flag: Check<boolean> = (value, field) =>
  typeof value === 'boolean' ? value : fail(field, 'true or false');

const vclusterState = (
  value: unknown,
  field: string,
): SimulatedVClusterState => {
  if (!isObject(value)) return fail(field, 'an object');
  const checks: Record<keyof SimulatedVClusterState, Check<unknown>> = {
    sleeping: flag,
    notReady: flag,
    chartVersion: (v, f) =>
      typeof v === 'string' && /^\d+\.\d+\.\d+$/.test(v)
        ? v
        : fail(f, 'a chart version such as 0.36.1'),
  };
  for (const key of Object.keys(value)) {
    if (!(key in checks)) {
      fail(`${field}.${key}`, `one of ${Object.keys(checks).join(', ')}`);
    }
  }
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      checks[k as keyof SimulatedVClusterState](v, `${field}.${k}`),
    ]),
  );
};

/**
 * The controls of a `PUT /__simulator/controls` body (or of
 * `tenancySimulators.drift`), checked: an error names the field and the rule.
 */
export function validControls(body: unknown): Partial<SimulatorControls> {
  if (!isObject(body)) return fail('the body', 'an object');
  const out: Partial<SimulatorControls> = {};
  if (body.latencyMs !== undefined) {
    if (typeof body.latencyMs !== 'number' || body.latencyMs < 0) {
      throw new Error('latencyMs must be a number of milliseconds >= 0');
    }
    out.latencyMs = body.latencyMs;
  }
  if (body.errorRate !== undefined) {
    if (
      typeof body.errorRate !== 'number' ||
      body.errorRate < 0 ||
      body.errorRate > 1
    ) {
      throw new Error('errorRate must be a number between 0 and 1');
    }
    out.errorRate = body.errorRate;
  }
  if (body.faults !== undefined) {
    out.faults = recordOf(oneOf(SIMULATED_FAULTS))(body.faults, 'faults');
  }
  if (body.policyReports !== undefined) {
    out.policyReports = policyReportFaults(body.policyReports, 'policyReports');
  }
  if (body.flux !== undefined) out.flux = fluxFaults(body.flux, 'flux');
  if (body.policyResultsPerNamespace !== undefined) {
    const n = body.policyResultsPerNamespace;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
      fail('policyResultsPerNamespace', 'an integer >= 0');
    }
    out.policyResultsPerNamespace = n as number;
  }
  if (body.drift !== undefined) out.drift = drift(body.drift, 'drift');
  if (body.quotaUse !== undefined) {
    out.quotaUse = recordOf(
      recordOf((v, f) =>
        typeof v === 'number' && v >= 0 ? v : fail(f, 'a number >= 0'),
      ),
    )(body.quotaUse, 'quotaUse');
  }
  if (body.vclusters !== undefined) {
    out.vclusters = recordOf(recordOf(vclusterState))(
      body.vclusters,
      'vclusters',
    );
  }
  return out;
}
