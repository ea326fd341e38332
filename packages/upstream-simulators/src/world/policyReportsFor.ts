import { BASELINE_POLICIES, BaselinePolicy } from './baselinePolicies';
import { baselineResult } from './baselineResult';
import { policyReport, ReportResult, ReportScope } from './policyReport';
import { SimulatedNamespace, SimulatedWorld } from './SimulatedWorld';
import { WorkloadResource, workloadsFor } from './workloadsFor';

const policiesOf = (subject: BaselinePolicy['subject']) =>
  BASELINE_POLICIES.filter(p => p.subject === subject);

/** The objects the baseline reports on, with their policies: Pods and their controllers, Services. */
const REPORTED: Array<[WorkloadResource, string, string, BaselinePolicy[]]> = [
  ['deployments', 'apps/v1', 'Deployment', policiesOf('pods')],
  ['replicasets', 'apps/v1', 'ReplicaSet', policiesOf('pods')],
  ['statefulsets', 'apps/v1', 'StatefulSet', policiesOf('pods')],
  ['daemonsets', 'apps/v1', 'DaemonSet', policiesOf('pods')],
  ['pods', 'v1', 'Pod', policiesOf('pods')],
  ['services', 'v1', 'Service', policiesOf('services')],
];

/**
 * The namespaced reports of one namespace: none outside tenant namespaces
 * (those labelled `tenancy.io/tenant`, which the baseline matches); in a
 * tenant namespace one report per Pod, pod controller and Service with a
 * result of each baseline policy for it, evaluated on the object. With
 * `resultsPerNamespace` > 0, that many results instead, spread over the
 * objects in turn (beyond one per policy and object, the policies again with
 * `-<n>` before `-audit`); a namespace that runs nothing has none either way.
 */
export function policyReportsFor(
  world: SimulatedWorld,
  cluster: string,
  ns: SimulatedNamespace,
  resultsPerNamespace = 0,
) {
  if (!ns.labels['tenancy.io/tenant']) return [];
  const workloads = workloadsFor(world, cluster, ns);
  const objects = REPORTED.flatMap(([resource, apiVersion, kind, policies]) =>
    (workloads[resource] as any[]).map(object => ({
      object,
      policies,
      scope: {
        apiVersion,
        kind,
        name: object.metadata.name,
        namespace: ns.name,
        uid: object.metadata.uid,
      } as ReportScope,
    })),
  );
  const results: ReportResult[][] = objects.map(({ object, policies }) =>
    resultsPerNamespace > 0
      ? []
      : policies.map(p => baselineResult(p, object, ns)),
  );
  for (let i = 0; i < resultsPerNamespace && objects.length; i++) {
    const at = i % objects.length;
    const round = Math.floor(i / objects.length);
    const { policies } = objects[at];
    const policy = policies[round % policies.length];
    const pass = Math.floor(round / policies.length);
    results[at].push(
      baselineResult(policy, objects[at].object, ns, pass ? `${pass}` : ''),
    );
  }
  return objects
    .map(({ scope }, at) => policyReport(scope, results[at]))
    .filter(report => report.results.length > 0);
}
