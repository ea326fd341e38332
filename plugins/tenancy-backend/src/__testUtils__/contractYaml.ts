import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

/**
 * The documents of a YAML sample of the project's contracts
 * (the repository's `contracts/`, e.g.
 * `policy-reports/examples/kyverno-docs/...`), as the JSON an API server
 * sends.
 */
export function contractYaml(path: string): any[] {
  return parseAllDocuments(
    readFileSync(resolve(__dirname, '../../../../contracts', path), 'utf8'),
  ).map(d => d.toJS());
}
