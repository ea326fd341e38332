import type { TenancyPolicy } from '../policy/TenancyPolicy';

/**
 * The source repositories of a tenant's AppProject, from the policy
 * (`{tenant}` replaced by the tenant's name).
 *
 * @public
 */
export function tenantSourceRepos(policy: TenancyPolicy, tenant: string) {
  return policy.argocd.sourceRepos.map(r => r.replaceAll('{tenant}', tenant));
}
