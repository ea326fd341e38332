/**
 * One row of the fleet overview: a tenant the caller may see in the catalog.
 *
 * Quota, cost and Argo CD figures join this row as their sources land.
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
}

/**
 * Response of `GET /api/tenancy/v1/tenants`.
 *
 * @public
 */
export interface FleetResponse {
  items: FleetTenant[];
  generatedAt: string;
}
