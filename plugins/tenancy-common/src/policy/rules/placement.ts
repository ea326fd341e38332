import type { TenantIsolation } from '../../model/TenantEntityV1alpha1';
import { gitOpsEngineOf } from '../../gitops/gitOpsEngineOf';
import type { TenancyPolicy } from '../TenancyPolicy';
import type { ValidationProblem } from '../ValidationProblem';
import { problem } from './problem';

/**
 * The isolation modes of a tenant.
 *
 * @public
 */
export const TENANT_ISOLATIONS: TenantIsolation[] = [
  'namespaces',
  'vclusters',
  'both',
];

/**
 * An environment is configured under `tenancy.policy.environments`. Rule
 * `unknown-environment`.
 *
 * @public
 */
export function knownEnvironmentRule(
  environment: string,
  policy: Pick<TenancyPolicy, 'environments'>,
  field = 'environment',
): ValidationProblem[] {
  if (Object.prototype.hasOwnProperty.call(policy.environments, environment)) {
    return [];
  }
  return [
    problem(
      field,
      'unknown-environment',
      `environment "${environment}" is not configured under tenancy.policy.environments (${
        Object.keys(policy.environments).join(', ') || 'none'
      })`,
    ),
  ];
}

/**
 * An environment is one of the tenant's. Rule `tenant-environment`.
 *
 * @public
 */
export function tenantEnvironmentRule(
  environment: string,
  tenant: { name: string; environments: string[] },
  field = 'environment',
): ValidationProblem[] {
  if (tenant.environments.includes(environment)) return [];
  return [
    problem(
      field,
      'tenant-environment',
      `environment "${environment}" is not one of tenant ${
        tenant.name
      }'s environments (${tenant.environments.join(', ') || 'none'})`,
    ),
  ];
}

/**
 * A cluster is allowed for a configured environment. Rule `allowed-cluster`.
 *
 * @public
 */
export function allowedClusterRule(
  cluster: string,
  environment: string,
  policy: Pick<TenancyPolicy, 'environments'>,
  field = 'cluster',
): ValidationProblem[] {
  const clusters = policy.environments[environment]?.clusters;
  if (!clusters || clusters.includes(cluster)) return [];
  return [
    problem(
      field,
      'allowed-cluster',
      `cluster "${cluster}" is not allowed for ${environment} (allowed: ${clusters.join(
        ', ',
      )})`,
    ),
  ];
}

/**
 * A node pool is one of `tenancy.policy.nodePools`. Rule `allowed-node-pool`.
 *
 * @public
 */
export function nodePoolRule(
  nodePool: string | undefined,
  policy: Pick<TenancyPolicy, 'nodePools'>,
  field = 'nodePool',
): ValidationProblem[] {
  const pools = policy.nodePools;
  if (nodePool === undefined || pools.includes(nodePool)) return [];
  return [
    problem(
      field,
      'allowed-node-pool',
      `node pool "${nodePool}" is not allowed (allowed: ${
        pools.join(', ') || 'none configured'
      })`,
    ),
  ];
}

/**
 * A tenant's isolation is one of {@link TENANT_ISOLATIONS}. Rule `enum`.
 *
 * @public
 */
export function isolationRule(
  isolation: string | undefined,
  field = 'isolation',
): ValidationProblem[] {
  if (
    isolation === undefined ||
    TENANT_ISOLATIONS.includes(isolation as TenantIsolation)
  ) {
    return [];
  }
  return [
    problem(
      field,
      'enum',
      `${field} must be one of ${TENANT_ISOLATIONS.join(', ')}`,
    ),
  ];
}

/**
 * A tenant may have vClusters: its isolation is `vclusters` or `both`
 * (default `namespaces`). Rule `isolation`, on the field `tenant`.
 *
 * @public
 */
export function vclusterIsolationRule(
  tenant: { name: string; isolation?: TenantIsolation },
  field = 'tenant',
): ValidationProblem[] {
  const isolation = tenant.isolation ?? 'namespaces';
  if (isolation === 'vclusters' || isolation === 'both') return [];
  return [
    problem(
      field,
      'isolation',
      `tenant ${tenant.name} has isolation "${isolation}"; vClusters need isolation "vclusters" or "both" in its tenant.yaml`,
    ),
  ];
}

/**
 * A vCluster runs on a cluster reconciled by Argo CD: its chart is deployed
 * by an Argo CD Application, which a Flux cluster does not apply (a Flux
 * HelmRelease for the chart is not rendered yet). Rule `vcluster-engine`.
 *
 * @public
 */
export function vclusterEngineRule(
  cluster: string,
  policy: Pick<TenancyPolicy, 'clusters'>,
  field = 'cluster',
): ValidationProblem[] {
  if (gitOpsEngineOf(policy, cluster) !== 'flux') return [];
  return [
    problem(
      field,
      'vcluster-engine',
      `cluster ${cluster} is reconciled by Flux; vClusters are deployed as Argo CD Applications of the vcluster chart and cannot be placed there yet: choose a cluster reconciled by Argo CD`,
    ),
  ];
}
