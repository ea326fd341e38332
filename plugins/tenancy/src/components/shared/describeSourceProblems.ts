import {
  SourceError,
  SourceKind,
  SourceStatus,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { formatAge } from './formatAge';

const KIND_LABELS: Record<SourceKind, string> = {
  kubernetes: 'Kubernetes cluster',
  argocd: 'Argo CD instance',
  flux: 'Flux objects of cluster',
  cost: 'cost source',
  policy: 'policy report source',
  gitops: 'GitOps repository',
  vcluster: 'vCluster source',
};

/**
 * One line per source that failed or serves old data (`error`, `warning`),
 * or per entity whose own settings could not be used (`setting`, e.g. a
 * malformed `argocd/app-selector`; its `source` is the entity ref).
 */
export interface SourceProblem {
  source: string;
  severity: 'error' | 'warning' | 'setting';
  text: string;
}

/**
 * Says, per source of the given kinds, what is wrong: no data at all (the
 * part it feeds is missing), or data kept from an earlier refresh (and how
 * old it is); then the errors of those kinds that name no source but an
 * entity, whose annotations chose nothing.
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
  const sourceIds = new Set(response.sources.map(status => status.id));
  for (const error of response.errors) {
    if (!kinds.includes(error.kind) || sourceIds.has(error.source)) continue;
    problems.push({
      source: error.source,
      severity: 'setting',
      text: `${error.message}.`,
    });
  }
  return problems;
}
