import {
  EntitySummary,
  QuotaResourceUsage,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { freshnessOf } from './freshnessOf';

const quota = (resources: QuotaResourceUsage[]) =>
  resources.map(({ resource, used, hard, utilisation }) => ({
    resource,
    used,
    hard,
    ...(utilisation !== undefined && { utilisation }),
  }));

/**
 * The summary of the tenant page, cut to what an agent acts on: quota used
 * against hard, cost of the window, Argo CD state and the reconcilers of
 * either engine (Argo CD, Flux) per namespace and in total, and the sources that failed (daily costs, limit ranges and the
 * sources' statuses are the page's).
 */
export function toTenantSummaryOutput(summary: EntitySummary) {
  return {
    entityRef: summary.entityRef,
    namespaces: summary.namespaces.map(ns => ({
      entityRef: ns.entityRef,
      type: ns.type,
      namespace: ns.namespace,
      cluster: ns.cluster,
      ...(ns.environment && { environment: ns.environment }),
      ...(ns.quota?.phase && { phase: ns.quota.phase }),
      ...(ns.quota && { quota: quota(ns.quota.resources) }),
      ...(ns.cost && { cost: ns.cost.total }),
      applications: ns.applications.map(app => ({
        name: app.name,
        instance: app.instance,
        sync: app.sync,
        health: app.health,
        url: app.url,
      })),
      ...(ns.reconcilers && {
        reconcilers: ns.reconcilers.map(r => ({
          engine: r.engine,
          kind: r.kind,
          name: r.name,
          ...(r.namespace && { namespace: r.namespace }),
          state: r.state,
          ...(r.revision && { revision: r.revision }),
          ...(r.message && { message: r.message }),
        })),
      }),
    })),
    totals: {
      quota: quota(summary.totals.quota),
      ...(summary.totals.cost && {
        cost: summary.totals.cost.total,
        currency: summary.totals.cost.currency,
      }),
      applications: summary.totals.applications,
      ...(summary.totals.reconcilers && {
        reconcilers: summary.totals.reconcilers,
      }),
    },
    ...freshnessOf(summary),
  };
}
