import { parseVClusterUpgradeSubject } from '@tenancy-plugins/backstage-plugin-tenancy-common';

/** What a request asks for, by the subject of its branch. */
export type RequestKind =
  | 'create'
  | 'update'
  | 'delete'
  | 'onboarding'
  | 'exception'
  | 'upgrade';

/** A request branch `tenancy/<tenant>/<subject>` read back. */
export interface RequestBranch {
  tenant: string;
  subject: string;
  kind: RequestKind;
  /** The namespace (or vCluster host namespace) a namespace request is about. */
  namespace?: string;
}

/**
 * Reads a request branch as the tenancy actions name it (`requestBranch` of
 * tenancy-node, the subjects of `namespaceRequestSubject` of tenancy-common):
 * `onboarding` and `exception` are a tenant's, `<namespace>-update` and
 * `<namespace>-delete` a namespace's change and decommissioning,
 * `<vcluster>-upgrade-<version>` a vCluster's chart upgrade
 * (`vclusterUpgradeSubject`), any other subject the creation of that
 * namespace or vCluster. Undefined for a branch of another shape.
 */
export function describeRequestBranch(
  branch: string,
): RequestBranch | undefined {
  const [prefix, tenant, subject, ...rest] = branch.split('/');
  if (prefix !== 'tenancy' || !tenant || !subject || rest.length) {
    return undefined;
  }
  if (subject === 'onboarding' || subject === 'exception') {
    return { tenant, subject, kind: subject };
  }
  const upgrade = parseVClusterUpgradeSubject(subject);
  if (upgrade) {
    return { tenant, subject, kind: 'upgrade', namespace: upgrade.vcluster };
  }
  for (const kind of ['update', 'delete'] as const) {
    if (subject.endsWith(`-${kind}`)) {
      return {
        tenant,
        subject,
        kind,
        namespace: subject.slice(0, -kind.length - 1),
      };
    }
  }
  return { tenant, subject, kind: 'create', namespace: subject };
}
