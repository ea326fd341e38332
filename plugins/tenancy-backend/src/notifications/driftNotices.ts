import { stringifyEntityRef } from '@backstage/catalog-model';
import { DriftFinding } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { entityPath } from './entityPath';
import { FindingSet, findingNotices } from './findingNotices';
import { StateContext } from './StateContext';
import { TenancyNotice } from './TenancyNotifier';

const identity = (f: DriftFinding) =>
  JSON.stringify([f.kind, f.cluster, f.namespace, f.field, f.git, f.live]);

/**
 * To the platform team: the drift between the GitOps repository and the
 * clusters of each namespace or vCluster, and each tenant's orphan
 * namespaces, once per distinct set of findings.
 */
export async function driftNotices(
  ctx: StateContext,
): Promise<TenancyNotice[]> {
  const platform = ctx.options.platformGroup;
  if (!platform) return [];
  const sets: FindingSet[] = [];
  for (const part of ctx.catalog.parts.values()) {
    const findings = ctx.data.drift(part.cluster, part.namespace) ?? [];
    sets.push({
      ref: part.ref,
      link: entityPath(part.ref),
      title: `${part.namespace} on ${part.cluster} differs from Git (${findings.length})`,
      identities: findings.map(identity),
      messages: findings.map(f => f.message),
    });
  }
  for (const tenant of ctx.catalog.tenants) {
    const ref = stringifyEntityRef(tenant);
    const orphans = ctx.data.orphans(tenant.metadata.name) ?? [];
    sets.push({
      ref: `${ref}:orphans`,
      link: entityPath(ref),
      title: `${orphans.length} namespaces of ${tenant.metadata.name} are not in Git`,
      identities: orphans.map(identity),
      messages: orphans.map(f => f.message),
    });
  }
  return findingNotices('drift', platform, sets);
}
