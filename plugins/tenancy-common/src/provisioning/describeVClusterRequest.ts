import { vclusterArgoCluster } from '../render/vclusterArgoCluster';
import type { TenancyPolicy } from '../policy/TenancyPolicy';
import type { VClusterBundleRequest } from '../render/renderVClusterBundle';
import { describeChecksAndFiles } from './describeChecksAndFiles';
import { describeQuota } from './describeQuota';
import { escapeMarkdown as escape } from './escapeMarkdown';
import type { ProvisioningCheck } from './PreparedChange';

/** The rules a vCluster's preparation applies (validateVClusterRequest). */
const VCLUSTER_RULES = [
  'the host namespace name is a DNS-1123 label, not reserved, no other tenant prefix',
  "the tenant's isolation allows vClusters; the tenant may use the environment; the cluster is allowed for it",
  'quota quantities, requests within limits, within the environment ceiling; limit range order',
  'the node pool is on the allow-list',
  'values: no pre-0.20 keys, no platform-owned keys',
];

/**
 * The checks of a prepared vCluster request: every rule of its preparation,
 * passed, and the check of the rendered values against the chart's values
 * schema, skipped when the preparation was given no schema.
 *
 * @public
 */
export function vclusterRequestChecks(options: {
  chartVersion: string;
  valuesValidated: boolean;
}): ProvisioningCheck[] {
  const values = `values: the rendered vcluster.yaml valid against the values schema of chart ${options.chartVersion}`;
  return [
    ...VCLUSTER_RULES.map(name => ({ name, result: 'passed' as const })),
    options.valuesValidated
      ? { name: values, result: 'passed' }
      : {
          name: values,
          result: 'skipped',
          detail: 'the preparation was given no values schema',
        },
  ];
}

/**
 * The pull request body of a vCluster request, written for the reviewer.
 *
 * @public
 */
export function describeVClusterRequest(options: {
  request: VClusterBundleRequest;
  vcluster: TenancyPolicy['vcluster'];
  ceiling: Record<string, string>;
  files: string[];
  /** Every check that ran, with its result. */
  checks: ProvisioningCheck[];
}): string {
  const { request, vcluster, ceiling, files, checks } = options;
  const name = request.namespace;
  return [
    `**${escape(
      request.requestedBy ?? 'unknown',
    )}** asks for vCluster \`${name}\` for tenant **${request.tenant}** ` +
      `in **${request.environment}** on cluster \`${request.cluster}\`` +
      `${request.nodePool ? `, node pool \`${request.nodePool}\`` : ''}.`,
    '',
    ...(request.purpose ? [`> ${escape(request.purpose)}`, ''] : []),
    `Chart \`vcluster\` ${vcluster.chartVersion} from ${vcluster.chartRepo}, ` +
      `Argo CD project \`${vcluster.project}\` (the platform's: the chart creates RBAC, quota and network policies that tenants' projects may not). ` +
      `Kubeconfig in secret \`${name}-kubeconfig\` of namespace \`${name}\`. Pod Security: \`${request.podSecurity}\`.`,
    '',
    `Argo CD cluster \`${
      vclusterArgoCluster(name).name
    }\`, registered from that secret by the bootstrap's registration policy; the tenant's AppProject gains it as a destination (every namespace inside the vCluster).`,
    '',
    ...describeQuota(request.quota, ceiling, request.environment),
    ...describeChecksAndFiles(checks, files),
  ].join('\n');
}
