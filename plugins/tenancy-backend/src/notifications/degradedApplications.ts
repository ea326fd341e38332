import { stringifyEntityRef } from '@backstage/catalog-model';
import { getTenantOwnerRef } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { ArgoApplicationRecord } from '../sources/types';
import { entityPath } from './entityPath';
import { StateContext } from './StateContext';
import { TenancyNotice } from './TenancyNotifier';

const appId = (app: ArgoApplicationRecord) =>
  `${app.instance}/${app.appNamespace ? `${app.appNamespace}/` : ''}${
    app.name
  }`;

/**
 * To a tenant's owners: an Argo CD application of the tenant (as its page
 * shows them) that has been `Degraded` for `degradedAfter`, once per
 * degraded spell. Since when it is degraded is kept in the database and
 * forgotten once it is no longer degraded.
 */
export async function degradedApplications(
  ctx: StateContext,
): Promise<TenancyNotice[]> {
  const degraded = ctx.data
    .allApplications()
    .filter(app => app.health === 'Degraded');
  const since = await ctx.state.since(
    'degraded',
    new Set(degraded.map(appId)),
    ctx.now,
  );
  const due = new Set(
    degraded.filter(
      app =>
        ctx.now.getTime() - since.get(appId(app))!.getTime() >=
        ctx.options.degradedAfterMs,
    ),
  );
  if (due.size === 0) return [];
  return ctx.catalog.tenants.flatMap(tenant => {
    const ref = stringifyEntityRef(tenant);
    const parts = ctx.catalog.partsOf(ref);
    const apps = ctx.applications.of(ctx.data, tenant, parts);
    return apps.all
      .filter(app => due.has(app))
      .map(app => {
        const part = parts.find((_, i) => apps.byPart[i].includes(app));
        const from = since.get(appId(app))!;
        const minutes = Math.round(
          (ctx.now.getTime() - from.getTime()) / 60_000,
        );
        return {
          kind: 'applicationDegraded' as const,
          recipients: [getTenantOwnerRef(tenant)],
          title: `${app.name} has been degraded for ${minutes} minutes`,
          description: `Argo CD ${app.instance}: ${
            app.healthMessage ?? 'health Degraded'
          } (${app.url})`,
          link: entityPath(part?.ref ?? ref),
          key: `applicationDegraded:${ref}:${appId(app)}:${from.toISOString()}`,
          severity: 'high' as const,
        };
      });
  });
}
