/**
 * What identifies a tenant namespace: the tenant, where it runs, and its name.
 *
 * @public
 */
export interface NamespaceRequest {
  /** Name of the Tenant entity. */
  tenant: string;
  /** Entity reference of the tenant's owning Group. */
  owner: string;
  costCenter: string;
  environment: string;
  /** Name of the cluster, as configured under `kubernetes.clusterLocatorMethods`. */
  cluster: string;
  /** The Kubernetes namespace name (see composeNamespaceName). */
  namespace: string;
}
