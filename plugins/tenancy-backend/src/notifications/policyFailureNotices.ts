import { PolicyFinding } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { entityPath } from './entityPath';
import { FindingSet, findingNotices } from './findingNotices';
import { StateContext } from './StateContext';
import { TenancyNotice } from './TenancyNotifier';

const identity = (f: PolicyFinding) =>
  JSON.stringify([
    f.policy,
    f.rule,
    f.result,
    f.resource?.kind,
    f.resource?.namespace,
    f.resource?.name,
  ]);

/**
 * To the platform team: the failing and erroring policy results of each
 * namespace or vCluster (warnings are left to its page), once per distinct
 * set of failures.
 */
export async function policyFailureNotices(
  ctx: StateContext,
): Promise<TenancyNotice[]> {
  const platform = ctx.options.platformGroup;
  if (!platform) return [];
  const sets: FindingSet[] = [...ctx.catalog.parts.values()].map(part => {
    const policy = ctx.data.policy(part.cluster, part.namespace);
    const failures = (policy?.findings ?? []).filter(
      f => f.result === 'fail' || f.result === 'error',
    );
    const count = policy ? policy.counts.fail + policy.counts.error : 0;
    return {
      ref: part.ref,
      link: entityPath(part.ref),
      title: `${part.namespace} on ${part.cluster} fails ${count} policy checks`,
      identities: failures.map(identity),
      messages: failures.map(f => `${f.policy}: ${f.message}`),
    };
  });
  return findingNotices('policyFailures', platform, sets);
}
