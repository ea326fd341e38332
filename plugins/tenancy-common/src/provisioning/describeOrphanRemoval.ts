import type { ObservedNamespace } from '../api/EntitySummary';
import { describeChecksAndFiles } from './describeChecksAndFiles';
import { escapeMarkdown as escape } from './escapeMarkdown';
import { inlineCode as code } from './inlineCode';
import type { ProvisioningCheck } from './PreparedChange';

/**
 * The pull request body of an orphan flagged for removal, written for the
 * platform team: which namespace, what it carries, who asks and why, and
 * that merging deletes nothing: they delete it by hand.
 *
 * @public
 */
export function describeOrphanRemoval(options: {
  observed: ObservedNamespace;
  tenant: string;
  requestedBy: string;
  reason: string;
  files: string[];
  checks: ProvisioningCheck[];
}): string {
  const { observed, tenant } = options;
  const { namespace, cluster } = observed;
  return [
    `**${escape(
      options.requestedBy,
    )}** flags the orphan namespace \`${namespace}\` on cluster \`${cluster}\` (labelled for tenant **${tenant}**) for removal. No file of the GitOps repository describes it.`,
    '',
    `> ${escape(options.reason)}`,
    '',
    `### Observed in the cluster (${code(observed.observedAt)})`,
    '',
    `- phase: ${escape(observed.phase ?? 'unknown')}`,
    `- labels: ${
      Object.entries(observed.labels)
        .map(([k, v]) => `${code(k)} ${code(v)}`)
        .join(', ') || 'none'
    }`,
    ...observed.quotas.map(
      q =>
        `- ResourceQuota ${code(q.name)}: ${Object.entries(q.hard)
          .map(([r, v]) => `${code(r)} ${code(v)}`)
          .join(', ')}`,
    ),
    '',
    '### What happens on merge',
    '',
    `Nothing is deleted automatically: Argo CD does not manage the namespace, and the record this request writes is applied to no cluster. Once merged, the platform team deletes the namespace and everything in it (\`kubectl --context ${cluster} delete namespace ${namespace}\`) after checking it is unused, and then removes the record.`,
    '',
    ...describeChecksAndFiles(options.checks, options.files),
  ].join('\n');
}
