import { createHash } from 'node:crypto';
import { TenancyNotificationKind } from './TenancyNotificationKind';
import { TenancyNotice } from './TenancyNotifier';

/** A set of findings (drift, policy failures) of one namespace or tenant. */
export interface FindingSet {
  /** The entity the findings are about; their notice links to its page. */
  ref: string;
  link: string;
  title: string;
  /** What identifies each finding, whatever the order or the time it was seen. */
  identities: string[];
  messages: string[];
}

const SHOWN = 3;

/**
 * Notices to the platform team of sets of findings, one per distinct set
 * of each entity: the key is the set's fingerprint, so the same findings
 * are not announced again at every refresh, and a changed set is.
 */
export function findingNotices(
  kind: Extract<TenancyNotificationKind, 'drift' | 'policyFailures'>,
  platformGroup: string,
  sets: FindingSet[],
): TenancyNotice[] {
  return sets
    .filter(set => set.identities.length > 0)
    .map(set => {
      const fingerprint = createHash('sha256')
        .update(JSON.stringify([...new Set(set.identities)].sort()))
        .digest('hex')
        .slice(0, 32);
      const more = set.messages.length - SHOWN;
      return {
        kind,
        recipients: [platformGroup],
        title: set.title,
        description: [
          ...set.messages.slice(0, SHOWN),
          ...(more > 0 ? [`and ${more} more`] : []),
        ].join('; '),
        link: set.link,
        key: `${kind}:${set.ref}:${fingerprint}`,
      };
    });
}
