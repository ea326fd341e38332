import { TENANCY_LABELS } from './baselinePolicies';
import { SimulatedCluster } from './SimulatedWorld';
import { simulatedMeta } from './workloadsFor';

/** When Gatekeeper's audit last ran: a minute after the workloads started. */
const AUDITED = '2026-01-05T09:01:20Z';

/** Gatekeeper's `--constraint-violations-limit` default: violations kept in `status`. */
const VIOLATIONS_LIMIT = 20;

/**
 * The tenancy baseline's Namespace labels as Gatekeeper enforces them: a
 * `K8sRequiredLabels` constraint (gatekeeper-library's `k8srequiredlabels`
 * template, `{key}` label parameters) on tenant Namespaces in `dryrun`, with
 * the audit's `status`: each tenant Namespace missing a label, with the
 * message of the template's CEL validation (the first 20, as Gatekeeper
 * keeps; `totalViolations` counts all).
 */
export function requiredLabelsConstraint(cluster: SimulatedCluster) {
  const metadata = simulatedMeta('K8sRequiredLabels', 'tenancy-require-labels');
  const violations = cluster.namespaces
    .filter(
      ns =>
        ns.labels['tenancy.io/tenant'] &&
        TENANCY_LABELS.some(label => !ns.labels[label]),
    )
    .map(ns => ({
      enforcementAction: 'dryrun',
      group: '',
      version: 'v1',
      kind: 'Namespace',
      name: ns.name,
      message: `missing required label, requires all of: ${TENANCY_LABELS.join(
        ', ',
      )}`,
    }));
  return {
    apiVersion: 'constraints.gatekeeper.sh/v1beta1',
    kind: 'K8sRequiredLabels',
    metadata: { ...metadata, generation: 1 },
    spec: {
      enforcementAction: 'dryrun',
      match: {
        kinds: [{ apiGroups: [''], kinds: ['Namespace'] }],
        labelSelector: {
          matchExpressions: [{ key: 'tenancy.io/tenant', operator: 'Exists' }],
        },
      },
      parameters: { labels: TENANCY_LABELS.map(key => ({ key })) },
    },
    status: {
      auditTimestamp: AUDITED,
      enforced: true,
      byPod: [
        {
          id: 'gatekeeper-audit-6d9c8f7b5-x2x7q',
          constraintUID: metadata.uid,
          enforced: true,
          observedGeneration: 1,
          operations: ['audit', 'status'],
        },
        {
          id: 'gatekeeper-controller-manager-7f9d6c4b8-k4m2p',
          constraintUID: metadata.uid,
          enforced: true,
          observedGeneration: 1,
          operations: ['mutation-webhook', 'webhook'],
        },
      ],
      totalViolations: violations.length,
      violations: violations.slice(0, VIOLATIONS_LIMIT),
    },
  };
}
