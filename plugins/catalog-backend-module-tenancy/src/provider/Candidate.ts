import type { Entity } from '@backstage/catalog-model';
import type { GitOpsPath } from '@tenancy-plugins/backstage-plugin-tenancy-common';

/** A file of the tree on its way to the catalog, with the problems found so far. */
export interface Candidate {
  path: string;
  place: GitOpsPath;
  entity?: Entity;
  problems: string[];
}

/** Records a problem when there is one. */
export function pushIf(c: Candidate, problem: string | undefined) {
  if (problem) c.problems.push(problem);
}
