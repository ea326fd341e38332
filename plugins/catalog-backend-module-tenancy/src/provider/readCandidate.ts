import type { Entity } from '@backstage/catalog-model';
import type { GitOpsPath } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { parseAllDocuments } from 'yaml';
import type { Candidate } from './Candidate';
import type { TreeFile } from './parseGitOpsTree';

/** Parses one file into the single entity it must hold, or says why not. */
export function readCandidate(file: TreeFile, place: GitOpsPath): Candidate {
  const candidate: Candidate = { path: file.path, place, problems: [] };
  let documents;
  try {
    documents = parseAllDocuments(file.content);
  } catch (e) {
    candidate.problems.push(`is not valid YAML: ${e}`);
    return candidate;
  }
  const docs = Array.isArray(documents) ? documents : [documents];
  const broken = docs.find(d => d.errors.length > 0);
  if (broken) {
    candidate.problems.push(`is not valid YAML: ${broken.errors[0].message}`);
    return candidate;
  }
  const values = docs
    .map(d => d.toJS())
    .filter(v => v !== null && v !== undefined);
  if (values.length !== 1) {
    candidate.problems.push(
      `must hold exactly one entity, found ${values.length}`,
    );
    return candidate;
  }
  const value = values[0];
  if (typeof value !== 'object' || Array.isArray(value)) {
    candidate.problems.push('must hold an entity object');
    return candidate;
  }
  candidate.entity = value as Entity;
  return candidate;
}
