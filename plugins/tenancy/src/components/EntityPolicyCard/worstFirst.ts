import { PolicyFinding } from '@tenancy-plugins/backstage-plugin-tenancy-common';

const RESULT_RANK: Record<PolicyFinding['result'], number> = {
  error: 0,
  fail: 1,
  warn: 2,
};

const SEVERITY_RANK: Record<NonNullable<PolicyFinding['severity']>, number> = {
  critical: 0,
  high: 1,
  medium: 2,
  low: 3,
  info: 4,
};

function rank(finding: PolicyFinding): number {
  const severity = finding.severity ? SEVERITY_RANK[finding.severity] : 5;
  return RESULT_RANK[finding.result] * 10 + severity;
}

/**
 * Merges lists that the backend sorted worst first (error, fail, warn; then
 * by severity) into one, worst first. A merge, not a sort: each list keeps
 * the order it was sent in, so a tenant page interleaves its namespaces'
 * findings without reordering any namespace's own.
 */
export function worstFirst<T>(
  lists: T[][],
  findingOf: (item: T) => PolicyFinding,
): T[] {
  const heads = lists.map(() => 0);
  const merged: T[] = [];
  for (;;) {
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      if (
        heads[i] < lists[i].length &&
        (best < 0 ||
          rank(findingOf(lists[i][heads[i]])) <
            rank(findingOf(lists[best][heads[best]])))
      ) {
        best = i;
      }
    }
    if (best < 0) return merged;
    merged.push(lists[best][heads[best]]);
    heads[best] += 1;
  }
}
