import {
  SourceError,
  SourceKind,
  SourceStatus,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { formatAge } from './formatAge';

const KIND_LABELS: Record<SourceKind, string> = {
  kubernetes: 'Kubernetes cluster',
  argocd: 'Argo CD instance',
  cost: 'cost source',
};

/** One line per source that failed or serves old data. */
export interface SourceProblem {
  source: string;
  severity: 'error' | 'warning';
  text: string;
}

/**
 * Says, per source of the given kinds, what is wrong: no data at all (the
 * part it feeds is missing), or data kept from an earlier refresh (and how
 * old it is).
 */
export function describeSourceProblems(
  response: { errors: SourceError[]; sources: SourceStatus[] },
  kinds: SourceKind[],
): SourceProblem[] {
  const problems: SourceProblem[] = [];
  for (const status of response.sources) {
    if (!kinds.includes(status.kind)) continue;
    const what = `${KIND_LABELS[status.kind]} ${status.name}`;
    const error =
      response.errors.find(e => e.source === status.id)?.message ??
      status.lastError;
    if (status.lastSuccessAt === undefined) {
      problems.push({
        source: status.id,
        severity: 'error',
        text: `No data from ${what}${error ? `: ${error}` : ' yet'}.`,
      });
    } else if (status.stale) {
      const age =
        status.ageSeconds === undefined
          ? ''
          : ` from ${formatAge(status.ageSeconds)} ago`;
      problems.push({
        source: status.id,
        severity: 'warning',
        text: `Showing data${age} for ${what}${
          error ? `; the last refresh failed: ${error}` : ''
        }.`,
      });
    }
  }
  return problems;
}
