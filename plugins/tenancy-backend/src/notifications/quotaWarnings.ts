import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  DEFAULT_QUOTA_THRESHOLDS,
  getTenantOwnerRef,
  quotaLevel,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { summarizeQuota } from '../summary/summarizeQuota';
import { entityPath } from './entityPath';
import { StateContext } from './StateContext';
import { TenancyNotice } from './TenancyNotifier';

const percent = (u: number) => `${Math.round(u * 100)}%`;

/**
 * To a tenant's owners, once per crossing: a namespace or vCluster with a
 * resource at or past the quota warning threshold (the quota bars' own),
 * again only after it went back under the threshold and crossed it anew.
 * The key names the crossing, so a notice that could not be sent is sent
 * by the next refresh.
 */
export async function quotaWarnings(
  ctx: StateContext,
): Promise<TenancyNotice[]> {
  const { warning } = DEFAULT_QUOTA_THRESHOLDS;
  const over = new Map<string, boolean>();
  const candidates = ctx.catalog.tenants.flatMap(tenant =>
    ctx.catalog.partsOf(stringifyEntityRef(tenant)).flatMap(part => {
      const record = ctx.data.quota(part.cluster, part.namespace);
      if (!record) return [];
      const past = summarizeQuota(record)
        .map(usage => ({
          usage,
          level: quotaLevel(usage.utilisation, DEFAULT_QUOTA_THRESHOLDS),
        }))
        .filter(({ level }) => level === 'warning' || level === 'danger');
      over.set(part.ref, past.length > 0);
      return past.length ? [{ tenant, part, past }] : [];
    }),
  );
  const crossed = await ctx.state.crossings('quota', over);
  return candidates.flatMap(({ tenant, part, past }) => {
    const crossing = crossed.get(part.ref);
    if (crossing === undefined) return [];
    return [
      {
        kind: 'quotaWarning' as const,
        recipients: [getTenantOwnerRef(tenant)],
        title: `${part.namespace} is past ${percent(warning)} of its quota`,
        description: `On ${part.cluster}: ${past
          .map(
            ({ usage: u }) =>
              `${u.resource} ${u.used} of ${u.hard} (${percent(
                u.utilisation!,
              )})`,
          )
          .join(', ')}.`,
        link: entityPath(part.ref),
        key: `quotaWarning:${part.ref}:${crossing}`,
        severity: past.some(p => p.level === 'danger') ? 'high' : 'normal',
      },
    ];
  });
}
