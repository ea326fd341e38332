import type { PolicyObjectRef } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { PolicyReport } from './policySchemas';
import { PolicyResults } from './PolicyResults';

type ObjectReference = NonNullable<PolicyReport['scope']>;

const toObjectRef = (o: ObjectReference): PolicyObjectRef | undefined =>
  o.kind && o.name
    ? {
        apiVersion: o.apiVersion,
        kind: o.kind,
        namespace: o.namespace,
        name: o.name,
        uid: o.uid,
      }
    : undefined;

/**
 * The namespace an object of a report belongs to: a namespaced report's own
 * namespace; in a cluster report, a Namespace object's name, or a namespaced
 * object's namespace. Undefined for cluster-scoped objects (nodes, the
 * cluster itself), which no tenant owns.
 */
function namespaceOf(
  report: PolicyReport,
  clusterScoped: boolean,
  object?: ObjectReference,
): string | undefined {
  if (!clusterScoped) {
    return report.metadata.namespace ?? object?.namespace;
  }
  if (object?.kind === 'Namespace' && !object.apiVersion?.includes('/')) {
    return object.name;
  }
  return object?.namespace;
}

/**
 * Adds the results of one PolicyReport, ClusterPolicyReport, Report or
 * ClusterReport by namespace. A result is about its `resources`, or, as
 * Kyverno writes them, about the report's `scope`; it counts once per
 * namespace it touches. A report with a summary and no results adds its
 * summary's counts.
 */
export function addPolicyReport(
  into: PolicyResults,
  report: PolicyReport,
  clusterScoped: boolean,
): void {
  const results = report.results ?? [];
  if (results.length === 0) {
    const namespace = namespaceOf(report, clusterScoped, report.scope);
    if (namespace && report.summary) into.addSummary(namespace, report.summary);
    return;
  }
  for (const r of results) {
    if (!r.result) continue;
    const objects: Array<ObjectReference | undefined> = r.resources?.length
      ? r.resources
      : [report.scope];
    const seen = new Set<string>();
    for (const object of objects) {
      const namespace = namespaceOf(report, clusterScoped, object);
      if (!namespace || seen.has(namespace)) continue;
      seen.add(namespace);
      into.add(namespace, {
        policy: r.policy,
        rule: r.rule,
        result: r.result,
        severity: r.severity,
        category: r.category,
        message: r.message ?? `${r.result} (no message)`,
        source: r.source ?? report.source ?? 'unknown',
        resource: object && toObjectRef(object),
        timestamp:
          r.timestamp &&
          new Date(
            r.timestamp.seconds * 1000 + Math.floor(r.timestamp.nanos / 1e6),
          ).toISOString(),
      });
    }
  }
}
