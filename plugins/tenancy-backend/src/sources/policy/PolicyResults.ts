import type {
  PolicyFinding,
  PolicyResult,
  PolicyResultCounts,
  PolicySummary,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';

/** Findings listed per namespace; the rest are counted in `omitted`. */
export const MAX_FINDINGS = 50;

const RESULT_RANK: Record<PolicyFinding['result'], number> = {
  error: 0,
  fail: 1,
  warn: 2,
};
const SEVERITY_RANK: Record<NonNullable<PolicyFinding['severity']>, number> = {
  critical: 0,
  high: 1,
  medium: 2,
  low: 3,
  info: 4,
};

/** Worst first: error, fail, warn; then by severity (none last); then by policy. */
export function compareFindings(a: PolicyFinding, b: PolicyFinding): number {
  const severity = (f: PolicyFinding) =>
    f.severity ? SEVERITY_RANK[f.severity] : 5;
  return (
    RESULT_RANK[a.result] - RESULT_RANK[b.result] ||
    severity(a) - severity(b) ||
    a.policy.localeCompare(b.policy) ||
    (a.resource?.name ?? '').localeCompare(b.resource?.name ?? '')
  );
}

/** No results. */
export const emptyCounts = (): PolicyResultCounts => ({
  pass: 0,
  fail: 0,
  warn: 0,
  error: 0,
  skip: 0,
});

/** Adds `b` to `a`. */
export function addCounts(
  a: PolicyResultCounts,
  b: Partial<PolicyResultCounts>,
): PolicyResultCounts {
  for (const k of Object.keys(a) as PolicyResult[]) a[k] += b[k] ?? 0;
  return a;
}

/**
 * Policy results collected by namespace: counts of every outcome, and the
 * findings (fail, error, warn) worst first, at most {@link MAX_FINDINGS}.
 */
export class PolicyResults {
  private readonly byNamespace = new Map<
    string,
    { counts: PolicyResultCounts; findings: PolicyFinding[] }
  >();

  private of(namespace: string) {
    let entry = this.byNamespace.get(namespace);
    if (!entry) {
      entry = { counts: emptyCounts(), findings: [] };
      this.byNamespace.set(namespace, entry);
    }
    return entry;
  }

  /** One result about an object of `namespace`; a finding for fail, error and warn. */
  add(
    namespace: string,
    finding: Omit<PolicyFinding, 'result'> & { result: PolicyResult },
  ) {
    const entry = this.of(namespace);
    entry.counts[finding.result] += 1;
    if (finding.result !== 'pass' && finding.result !== 'skip') {
      entry.findings.push({ ...finding, result: finding.result });
    }
  }

  /** Counts of a report that has a summary and no results. */
  addSummary(namespace: string, counts: Partial<PolicyResultCounts>) {
    addCounts(this.of(namespace).counts, counts);
  }

  summaries(): Record<string, PolicySummary> {
    const out: Record<string, PolicySummary> = {};
    for (const [namespace, { counts, findings }] of this.byNamespace) {
      findings.sort(compareFindings);
      out[namespace] = {
        counts,
        findings: findings.slice(0, MAX_FINDINGS),
        omitted: Math.max(0, findings.length - MAX_FINDINGS),
      };
    }
    return out;
  }
}
