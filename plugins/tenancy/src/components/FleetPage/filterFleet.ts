import { FleetTenant } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { QuotaThresholds } from '../shared/quotaLevel';
import { policyFailures } from './policyFailures';

/** What the fleet page filters by; empty values do not filter. */
export interface FleetFilter {
  owner?: string;
  costCenter?: string;
  environment?: string;
  /**
   * Only tenants with out-of-sync or degraded Argo CD applications, failed
   * Flux objects, or quota past warning.
   */
  needsAttention?: boolean;
  /** Only tenants with failing or erroring policy results. */
  policyFailures?: boolean;
  /** Only tenants whose namespaces differ from Git, or with orphans. */
  drift?: boolean;
}

/**
 * Whether a tenant needs a look: Argo CD sync or health, a failed
 * reconciler of either engine, or quota past the warning.
 */
export function needsAttention(
  tenant: FleetTenant,
  thresholds: QuotaThresholds,
): boolean {
  return (
    tenant.applications.outOfSync > 0 ||
    tenant.applications.degraded > 0 ||
    (tenant.reconcilers?.failed ?? 0) > 0 ||
    (tenant.quotaUtilisation.max ?? 0) >= thresholds.warning
  );
}

/** The tenants that pass the filter. */
export function filterFleet(
  items: FleetTenant[],
  filter: FleetFilter,
  thresholds: QuotaThresholds,
): FleetTenant[] {
  return items.filter(
    t =>
      (!filter.owner || t.owner === filter.owner) &&
      (!filter.costCenter || t.costCenter === filter.costCenter) &&
      (!filter.environment || t.environments.includes(filter.environment)) &&
      (!filter.needsAttention || needsAttention(t, thresholds)) &&
      (!filter.policyFailures || (policyFailures(t.policy) ?? 0) > 0) &&
      (!filter.drift || (t.drift ?? 0) > 0),
  );
}
