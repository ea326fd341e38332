import type { ObservedNamespace } from '../api/EntitySummary';
import type { GitOpsLayout } from '../gitops/GitOpsLayout';
import { TENANCY_ANNOTATIONS } from '../model/annotations';
import { serializeManifests } from '../render/serializeManifests';
import { describeOrphanRemoval } from './describeOrphanRemoval';
import { justificationRule } from './justificationRule';
import { namespaceRequestSubject } from './namespaceRequestSubject';
import type { PreparedChange } from './PreparedChange';

/**
 * Where the record of an orphan flagged for removal lives:
 * `<clustersPath>/<cluster>/orphans/<namespace>.yaml` (not a cluster
 * entity: the catalog reads only `<clustersPath>/<cluster>.yaml`).
 *
 * @public
 */
export function orphanRecordFile(
  layout: GitOpsLayout,
  cluster: string,
  namespace: string,
): string {
  return `${layout.clustersPath}/${cluster}/orphans/${namespace}.yaml`;
}

/**
 * `tenancy:namespace:adopt` with `action: remove` without its side effects:
 * one record file (see orphanNamespaceRecordSchema) saying which orphan,
 * its labels as observed, who asked and why. Nothing deletes the namespace:
 * the platform team does, by hand, once the request is merged. Refused
 * without a reason (justificationRule).
 *
 * @public
 */
export function prepareOrphanRemoval(options: {
  observed: ObservedNamespace;
  tenant: string;
  requestedBy: string;
  reason: string | undefined;
  layout: GitOpsLayout;
}): PreparedChange {
  const { observed, tenant, requestedBy, layout } = options;
  const { namespace, cluster } = observed;
  const problems = justificationRule(options.reason, 'reason');
  const base = {
    problems,
    tenant,
    subject: namespaceRequestSubject(namespace, 'delete'),
    title: `Remove orphan namespace ${namespace} of tenant ${tenant} from ${cluster}`,
    files: {},
    checks: [],
    describe: () => '',
  };
  if (problems.length) return base;
  const reason = options.reason!.trim();
  const file = orphanRecordFile(layout, cluster, namespace);
  const record = {
    apiVersion: 'tenancy.io/v1alpha1',
    kind: 'OrphanNamespace',
    metadata: { name: namespace },
    spec: {
      cluster,
      disposition: 'remove',
      tenant: observed.labels[TENANCY_ANNOTATIONS.tenant] ?? tenant,
      labels: observed.labels,
      ...(observed.phase ? { phase: observed.phase } : {}),
      observedAt: observed.observedAt,
      requestedBy,
      reason,
    },
  };
  return {
    ...base,
    files: { [file]: serializeManifests([record]) },
    checks: [
      {
        name: `the namespace is an orphan: no file of the GitOps repository's default branch describes it (tenancy backend, observed ${observed.observedAt})`,
        result: 'passed',
      },
      {
        name: 'a justification of 10 to 1000 characters, without control characters',
        result: 'passed',
      },
    ],
    describe: (paths, checks) =>
      describeOrphanRemoval({
        observed,
        tenant,
        requestedBy,
        reason,
        files: paths,
        checks,
      }),
  };
}
