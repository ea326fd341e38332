import { BASELINE_POLICIES } from './baselinePolicies';
import { baselineResult } from './baselineResult';
import { policyReport } from './policyReport';
import { SimulatedNamespace } from './SimulatedWorld';
import { simulatedUid } from './workloadsFor';

const NAMESPACE_POLICIES = BASELINE_POLICIES.filter(
  p => p.subject === 'namespaces',
);

/**
 * The cluster-scoped report about a Namespace object (a ClusterPolicyReport
 * or ClusterReport): the baseline's namespace policies, for tenant
 * namespaces only (those labelled `tenancy.io/tenant`); none for others.
 */
export function namespacePolicyReportsFor(ns: SimulatedNamespace) {
  if (!ns.labels['tenancy.io/tenant']) return [];
  return [
    policyReport(
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        name: ns.name,
        uid: simulatedUid('Namespace', '', ns.name),
      },
      NAMESPACE_POLICIES.map(p => baselineResult(p, ns, ns)),
    ),
  ];
}
