import type { TenancyPolicy } from '../policy/TenancyPolicy';
import type { VClusterBundleRequest } from '../render/renderVClusterBundle';
import { describeChecksAndFiles } from './describeChecksAndFiles';
import { describeQuota } from './describeQuota';
import { escapeMarkdown as escape } from './escapeMarkdown';

const VCLUSTER_CHECKS = [
  'the host namespace name is a DNS-1123 label, not reserved, no other tenant prefix',
  "the tenant's isolation allows vClusters; the tenant may use the environment; the cluster is allowed for it",
  'quota quantities, requests within limits, within the environment ceiling; limit range order',
  'the node pool is on the allow-list',
  'values: no pre-0.20 keys, no platform-owned keys, valid against the chart 0.36 values schema',
  'not on the base branch and not in another open request',
  'the requester belongs to the owning group, or is a platform admin',
];

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
}): string {
  const { request, vcluster, ceiling, files } = options;
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
    ...describeQuota(request.quota, ceiling, request.environment),
    ...describeChecksAndFiles(VCLUSTER_CHECKS, files),
  ].join('\n');
}
