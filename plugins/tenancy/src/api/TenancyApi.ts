import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  CostWindow,
  EntitySummary,
  FleetResponse,
  NamespaceCheckRequest,
  NamespaceCheckResponse,
  ProvisioningPolicyResponse,
  TenancyApiComponents,
  TenantRequestsResponse,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';

/**
 * Client of the tenancy backend.
 *
 * @public
 */
export interface TenancyApi {
  /** Every tenant the user may see, with cost for the window (default 7d). */
  getFleet(options?: { window?: CostWindow }): Promise<FleetResponse>;
  /** Quota, cost and Argo CD state of a Tenant, namespace or vCluster entity. */
  getEntitySummary(
    entityRef: string,
    options?: { window?: CostWindow },
  ): Promise<EntitySummary>;
  /** The provisioning requests (pull requests) of a Tenant, newest first. */
  getTenantRequests(entityRef: string): Promise<TenantRequestsResponse>;
  /** What the wizard's fields offer: environments, clusters, ceilings, sizes. */
  getProvisioningPolicy(): Promise<ProvisioningPolicyResponse>;
  /** A namespace checked as the user types: problems and availability. */
  checkNamespace(
    request: NamespaceCheckRequest,
  ): Promise<NamespaceCheckResponse>;
  /**
   * Provisioning lead times (12 weeks), the slowest open requests, refusals
   * and failures, and the SLA share, of the requests the user may see.
   */
  getProvisioningMetrics(): Promise<
    TenancyApiComponents['schemas']['ProvisioningMetricsResponse']
  >;
  /**
   * The kubeconfig of a vCluster entity (for users allowed
   * `tenancy.vcluster.kubeconfig.read` on it), to save as `filename`.
   */
  getVClusterKubeconfig(
    entityRef: string,
  ): Promise<{ filename: string; content: string }>;
}

/**
 * @public
 */
export const tenancyApiRef = createApiRef<TenancyApi>().with({
  id: 'plugin.tenancy.api',
  pluginId: 'tenancy',
});
