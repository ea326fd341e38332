import type { GitOpsEngine, TenancyPolicy } from '../policy/TenancyPolicy';

/**
 * The engine reconciling a cluster (`tenancy.policy.clusters.<cluster>.engine`);
 * Argo CD for a cluster the policy does not list.
 *
 * @public
 */
export function gitOpsEngineOf(
  policy: Pick<TenancyPolicy, 'clusters'>,
  cluster: string,
): GitOpsEngine {
  return policy.clusters?.[cluster]?.engine ?? 'argocd';
}

/**
 * Refuses an environment that runs on a Flux cluster and on any other
 * cluster: Flux applies a tenant's environment folder as a whole (one
 * Kustomization per tenant and environment), so the folder would reach
 * every cluster of the environment. The message names
 * `tenancy.policy.environments.<env>.clusters` and the rule.
 *
 * @public
 */
export function checkClusterEngines(
  policy: Pick<TenancyPolicy, 'clusters' | 'environments'>,
): void {
  for (const [name, env] of Object.entries(policy.environments)) {
    const flux = env.clusters.filter(c => gitOpsEngineOf(policy, c) === 'flux');
    if (flux.length && env.clusters.length > 1) {
      throw new TypeError(
        `tenancy.policy.environments.${name}.clusters (flux-one-cluster): environment ${name} runs on ${env.clusters.join(
          ', ',
        )}; an environment with a Flux cluster (${flux.join(
          ', ',
        )}) must run on that cluster only, since Flux applies its folders as a whole`,
      );
    }
  }
}
