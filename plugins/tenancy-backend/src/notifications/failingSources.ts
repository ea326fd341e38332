import { sourceHasFailed } from '../snapshots/sourceHasFailed';
import { StateContext } from './StateContext';
import { TenancyNotice } from './TenancyNotifier';

/**
 * To the platform team: a source (cluster, Argo CD instance, cost instance,
 * policy reports, the GitOps repository) whose refreshes have failed for
 * `sourceFailingAfter`, once per failing spell. Since when it fails is kept
 * in the database and forgotten once it succeeds again.
 */
export async function failingSources(
  ctx: StateContext,
): Promise<TenancyNotice[]> {
  const platform = ctx.options.platformGroup;
  if (!platform) return [];
  const failing = ctx.data.statuses(ctx.now).filter(sourceHasFailed);
  const since = await ctx.state.since(
    'failing',
    new Set(failing.map(s => s.id)),
    ctx.now,
  );
  return failing.flatMap(source => {
    const from = since.get(source.id)!;
    const ms = ctx.now.getTime() - from.getTime();
    if (ms < ctx.options.sourceFailingAfterMs) return [];
    return [
      {
        kind: 'sourceFailing' as const,
        recipients: [platform],
        title: `Source ${source.id} has been failing for ${Math.round(
          ms / 60_000,
        )} minutes`,
        description: `Last error: ${
          source.lastError ?? 'the last refresh failed'
        }. Quota, cost, deployment or policy data from it is not up to date.`,
        link: '/tenancy',
        key: `sourceFailing:${source.id}:${from.toISOString()}`,
        severity: 'critical' as const,
      },
    ];
  });
}
