import type { ObservedNamespace } from '../api/EntitySummary';
import { CONTAINER_LIMIT_LEVELS } from '../policy/rules/limits';
import {
  NamespaceBundleRequest,
  SECURE_QUOTA_DEFAULTS,
} from '../render/renderNamespaceBundle';
import { describeChecksAndFiles } from './describeChecksAndFiles';
import { describeQuota } from './describeQuota';
import { escapeMarkdown as escape } from './escapeMarkdown';
import { inlineCode as code } from './inlineCode';
import type { ProvisioningCheck } from './PreparedChange';

/** Set by the API server on every namespace; never in Git. */
const SERVER_LABEL = 'kubernetes.io/metadata.name';

const values = (map: Record<string, string> | undefined) =>
  Object.entries(map ?? {})
    .map(([k, v]) => `${code(k)} ${code(v)}`)
    .join(', ') || 'none';

/** `- <what> <key>: <live> in the cluster, <git> rendered` for each key that differs. */
function differences(
  what: string,
  live: Record<string, string>,
  git: Record<string, string>,
): string[] {
  const keys = [...new Set([...Object.keys(live), ...Object.keys(git)])];
  return keys
    .filter(key => key !== SERVER_LABEL && live[key] !== git[key])
    .sort()
    .map(key => {
      const side = (value: string | undefined, where: string) =>
        value === undefined ? `none ${where}` : `${code(value)} ${where}`;
      return `- ${what} ${code(key)}: ${side(
        live[key],
        'in the cluster',
      )}, ${side(git[key], 'in Git')}`;
    });
}

/**
 * The pull request body of an orphan's adoption, written for the reviewer:
 * that it adopts an existing namespace, what the cluster has, what was
 * rendered from it and what differs, and what Argo CD does on merge.
 *
 * @public
 */
export function describeNamespaceAdoption(options: {
  observed: ObservedNamespace;
  request: NamespaceBundleRequest;
  /** The labels of the rendered Namespace. */
  renderedLabels: Record<string, string>;
  /** What the namespace's ResourceQuotas enforce together. */
  observedQuota: Record<string, string>;
  ceiling: Record<string, string>;
  files: string[];
  checks: ProvisioningCheck[];
}): string {
  const { observed, request, observedQuota } = options;
  const { namespace, cluster } = observed;
  const renderedHard = { ...SECURE_QUOTA_DEFAULTS, ...request.quota };
  const renderedLimits = request.limits ?? {};
  const liveContainer = observed.limitRanges
    .flatMap(r => r.limits)
    .find(l => l.type === 'Container');
  const flat = (
    limits: Partial<
      Record<
        (typeof CONTAINER_LIMIT_LEVELS)[number],
        Record<string, string | undefined>
      >
    >,
  ) =>
    Object.fromEntries(
      CONTAINER_LIMIT_LEVELS.flatMap(level =>
        Object.entries(limits[level] ?? {}).flatMap(([resource, q]) =>
          q === undefined ? [] : [[`${level}.${resource}`, q]],
        ),
      ),
    );
  const changes = [
    ...differences('label', observed.labels, options.renderedLabels),
    ...differences('quota', observedQuota, renderedHard),
    ...differences(
      'container limit',
      flat({
        defaultRequest: liveContainer?.defaultRequest,
        default: liveContainer?.default,
        max: liveContainer?.max,
      }),
      flat(renderedLimits),
    ),
  ];
  const untracked = [
    ...observed.quotas
      .filter(q => q.name !== 'tenant-quota')
      .map(q => `ResourceQuota ${code(q.name)}`),
    ...observed.limitRanges
      .filter(l => l.name !== 'tenant-limits')
      .map(l => `LimitRange ${code(l.name)}`),
  ];
  return [
    `**${escape(
      request.requestedBy ?? 'unknown',
    )}** asks to adopt the existing namespace \`${namespace}\` on cluster \`${cluster}\` for tenant **${
      request.tenant
    }** in **${
      request.environment
    }**. It runs in the cluster, labelled for the tenant, but no file of the GitOps repository describes it (an orphan); this request writes its folder, rendered from what the cluster has.`,
    '',
    ...(request.purpose ? [`> ${escape(request.purpose)}`, ''] : []),
    `### Observed in the cluster (${code(observed.observedAt)})`,
    '',
    `- phase: ${escape(observed.phase ?? 'unknown')}`,
    `- labels: ${values(observed.labels)}`,
    ...observed.quotas.map(
      q => `- ResourceQuota ${code(q.name)}: ${values(q.hard)}`,
    ),
    ...(observed.quotas.length ? [] : ['- no ResourceQuota']),
    ...observed.limitRanges.flatMap(l =>
      l.limits.map(
        item =>
          `- LimitRange ${code(l.name)} (${escape(item.type)}): ${[
            'defaultRequest',
            'default',
            'min',
            'max',
          ]
            .filter(level => item[level as keyof typeof item])
            .map(
              level =>
                `${level} ${values(
                  item[level as keyof typeof item] as Record<string, string>,
                )}`,
            )
            .join('; ')}`,
      ),
    ),
    ...(observed.limitRanges.length ? [] : ['- no LimitRange']),
    '',
    `Owner: ${code(request.owner)} · cost center: ${code(
      request.costCenter,
    )} (the tenant's) · SSO group ${code(
      request.ssoGroup,
    )} bound to ${request.clusterRoles
      .map(r => `\`${r}\``)
      .join(', ')} · Pod Security: \`${request.podSecurity}\``,
    '',
    ...describeQuota(request.quota, options.ceiling, request.environment),
    '### What differs from the cluster',
    '',
    ...(changes.length
      ? changes
      : [
          '- nothing: labels, quota and container limits are rendered as the cluster has them',
        ]),
    ...(untracked.length
      ? [
          `- ${untracked.join(
            ', ',
          )}: not in Git; the rendered \`tenant-quota\` and \`tenant-limits\` apply beside them, and they stay in the cluster (Argo CD does not prune what it never applied) until someone deletes them`,
        ]
      : []),
    '',
    '### What Argo CD does on merge',
    '',
    `The \`tenancy-namespaces\` ApplicationSet turns the new folder into the Application \`tenancy-${namespace}\`, which takes the namespace over: its first sync applies the folder's objects over the live ones (the Namespace and its labels, ResourceQuota \`tenant-quota\`, LimitRange \`tenant-limits\`, the RoleBindings of the tenant's SSO group and the NetworkPolicies, default deny with same-namespace and DNS traffic allowed: traffic the namespace's workloads relied on beyond that stops). From then on automated sync with prune and selfHeal applies: a change made in the cluster to these objects is reverted, and an object removed from Git is deleted. Workloads in the namespace are not part of the folder and stay as they are. The catalog lists the namespace as an entity of the tenant.`,
    '',
    ...describeChecksAndFiles(options.checks, options.files),
  ].join('\n');
}
