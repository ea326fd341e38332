import { simulatedMeta } from './workloadsFor';

/** The object a report is about, as `scope` and `ownerReferences` name it. */
export interface ReportScope {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  uid: string;
}

/** One result of a report, as the `wgpolicyk8s.io` and `openreports.io` CRDs define it. */
export interface ReportResult {
  policy: string;
  result: 'pass' | 'fail' | 'warn' | 'error' | 'skip';
  message?: string;
  category?: string;
  severity?: 'critical' | 'high' | 'medium' | 'low' | 'info';
  scored?: boolean;
  source: string;
  properties?: Record<string, string>;
  timestamp: { seconds: number; nanos: number };
}

/**
 * A report as Kyverno writes it: one per resource, named by the resource's
 * UID and owned by it, `scope` set to it, results without `resources`, and a
 * `summary` that counts the results.
 */
export function policyReport(scope: ReportScope, results: ReportResult[]) {
  const summary = { error: 0, fail: 0, pass: 0, skip: 0, warn: 0 };
  for (const r of results) summary[r.result]++;
  return {
    metadata: simulatedMeta('PolicyReport', scope.uid, scope.namespace, {
      labels: { 'app.kubernetes.io/managed-by': 'kyverno' },
      ownerReferences: [
        {
          apiVersion: scope.apiVersion,
          kind: scope.kind,
          name: scope.name,
          uid: scope.uid,
        },
      ],
    }),
    results,
    scope,
    summary,
  };
}
