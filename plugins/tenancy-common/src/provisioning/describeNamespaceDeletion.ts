import { describeChecksAndFiles } from './describeChecksAndFiles';
import { escapeMarkdown as escape } from './escapeMarkdown';
import { manifestKinds } from './manifestKinds';
import type { ProvisioningCheck } from './PreparedChange';

/**
 * The pull request body of a decommission: every file and object that goes,
 * and the AppProject destination that is removed.
 *
 * @public
 */
export function describeNamespaceDeletion(options: {
  namespace: string;
  /** What goes: a namespace or a vCluster. */
  what: 'namespace' | 'vCluster';
  /** The AppProject destination that goes with it, `<cluster>/<namespace>`. */
  destination: string;
  tenant: string;
  environment: string;
  requestedBy: string;
  reason?: string;
  /** The namespace's files on the base branch, with their text. */
  manifests: Array<{ file: string; text: string }>;
  /** Files the change rewrites besides the deletion (the AppProject). */
  changed: string[];
  /** Every check that ran, with its result. */
  checks: ProvisioningCheck[];
}): string {
  const { namespace, what, tenant, environment, reason } = options;
  return [
    `**${escape(
      options.requestedBy,
    )}** asks to decommission ${what} \`${namespace}\` of tenant **${tenant}** (${environment}).`,
    '',
    ...(reason ? [`> ${escape(reason)}`, ''] : []),
    '### What will be deleted',
    '',
    `Once merged, Argo CD prunes these objects from the cluster and the catalog forgets the ${what}. Everything inside the ${what} goes with it.`,
    '',
    ...options.manifests.map(({ file, text }) => {
      const kinds = manifestKinds(text);
      return `- \`${file}\`${kinds.length ? `: ${kinds.join(', ')}` : ''}`;
    }),
    ...options.changed.map(
      file =>
        `- \`${file}\`: the destination ${options.destination} is removed from the tenant's AppProject`,
    ),
    '',
    // The files are listed above, with what each holds.
    ...describeChecksAndFiles(options.checks, []),
  ].join('\n');
}
