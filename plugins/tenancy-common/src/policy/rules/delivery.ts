import { gitOpsEngineOf } from '../../gitops/gitOpsEngineOf';
import {
  checkFluxTenantDelivery,
  FluxTenantDelivery,
} from '../../render/flux/checkFluxTenantDelivery';
import type { TenancyPolicy } from '../TenancyPolicy';
import type { ValidationProblem } from '../ValidationProblem';
import { problem } from './problem';

/**
 * A tenant's own delivery in a namespace request: only on a Flux cluster
 * (rule `delivery-engine`; on Argo CD the tenant's Applications deploy
 * through its AppProject, bounded by the same `sourceRepos`), and valid as
 * `checkFluxTenantDelivery` says, each field under `delivery.`.
 *
 * @public
 */
export function deliveryRule(
  input: { tenant: string; cluster: string; delivery?: FluxTenantDelivery },
  policy: Pick<TenancyPolicy, 'argocd' | 'clusters'>,
): ValidationProblem[] {
  const { delivery } = input;
  if (!delivery) return [];
  if (gitOpsEngineOf(policy, input.cluster) !== 'flux') {
    return [
      problem(
        'delivery',
        'delivery-engine',
        `a delivery from the tenant's own repository is rendered for Flux clusters only; cluster ${input.cluster} runs Argo CD, where the tenant's Applications deploy through its AppProject (tenancy.policy.argocd.sourceRepos)`,
      ),
    ];
  }
  return checkFluxTenantDelivery({
    tenant: input.tenant,
    delivery,
    policy,
    prefix: 'delivery.',
  });
}
