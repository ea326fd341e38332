import type { ApplicationCounts, CostWindow } from './EntitySummary';
import type { SourceError, SourceStatus } from './SourceStatus';

/**
 * One row of the fleet overview: a tenant the caller may see in the catalog.
 *
 * @public
 */
export interface FleetTenant {
  /** Entity reference of the Tenant, e.g. `tenant:default/payments`. */
  entityRef: string;
  name: string;
  title?: string;
  /** Entity reference of the owning Group. */
  owner: string;
  costCenter: string;
  environments: string[];
  /** Namespace and vCluster entities that are part of the tenant. */
  namespaceCount: number;
  vclusterCount: number;
  /**
   * Quota utilisation 0..1 over all the tenant's namespaces (used / hard,
   * summed), for CPU requests, memory requests and pods; absent without data.
   */
  quotaUtilisation: {
    cpu?: number;
    memory?: number;
    pods?: number;
    /** The highest of the above. */
    max?: number;
  };
  /** Cost of the window; absent when no cost source covers the tenant. */
  cost?: number;
  applications: ApplicationCounts;
}

/**
 * Cost of one cost center, for chargeback.
 *
 * @public
 */
export interface CostCenterCost {
  costCenter: string;
  tenants: number;
  cost: number;
}

/**
 * Response of `GET /api/tenancy/v1/tenants`.
 *
 * @public
 */
export interface FleetResponse {
  items: FleetTenant[];
  window: CostWindow;
  currency: string;
  costCenters: CostCenterCost[];
  generatedAt: string;
  errors: SourceError[];
  sources: SourceStatus[];
  stale: boolean;
}
