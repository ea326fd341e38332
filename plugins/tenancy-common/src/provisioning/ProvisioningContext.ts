import type { GitOpsLayout } from '../gitops/GitOpsLayout';
import type { TenancyPolicy } from '../policy/TenancyPolicy';

/**
 * What the preparation of any provisioning request needs besides the request
 * itself: the platform policy, the repository layout, the tenants that exist
 * and who asks.
 *
 * @public
 */
export interface ProvisioningContext {
  policy: TenancyPolicy;
  layout: GitOpsLayout;
  /** Names of the Tenant entities of the catalog, for the prefix rules. */
  tenants: string[];
  /** Entity reference of the requester. */
  requestedBy: string;
}
