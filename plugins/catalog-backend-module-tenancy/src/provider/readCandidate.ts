import type { Entity } from '@backstage/catalog-model';
import type { GitOpsPath } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { parseAllDocuments } from 'yaml';
import type { Candidate } from './Candidate';
import { MAX_ALIAS_COUNT, MAX_FILE_BYTES } from './limits';
import type { TreeFile } from './parseGitOpsTree';

/**
 * Parses one file into the single entity it must hold, or says why not.
 * Never throws: whatever the file holds (a huge file, an alias bomb, input
 * the parser chokes on) becomes a problem of this file alone.
 */
export function readCandidate(file: TreeFile, place: GitOpsPath): Candidate {
  const candidate: Candidate = { path: file.path, place, problems: [] };
  const size = file.size ?? Buffer.byteLength(file.content, 'utf8');
  if (size > MAX_FILE_BYTES) {
    candidate.problems.push(`is ${size} bytes; at most ${MAX_FILE_BYTES}`);
    return candidate;
  }
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
  let values: unknown[];
  try {
    // Aliases resolve to shared values, but what the catalog stores is their
    // expansion: a few nested anchors ("billion laughs") make it exponential.
    values = docs
      .map(d => d.toJS({ maxAliasCount: MAX_ALIAS_COUNT }))
      .filter(v => v !== null && v !== undefined);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    candidate.problems.push(
      /resource exhaustion/.test(message)
        ? `uses more YAML aliases than allowed (at most ${MAX_ALIAS_COUNT} resolutions): ${message}`
        : `is not valid YAML: ${message}`,
    );
    return candidate;
  }
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
