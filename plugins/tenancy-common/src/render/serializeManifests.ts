import { stringify } from 'yaml';

/**
 * Serialises objects as one YAML stream, a document each. Strings are
 * quoted by the YAML library wherever needed, so no value can add a key, an
 * object or a document.
 *
 * @public
 */
export function serializeManifests(objects: unknown[]): string {
  return objects.map(o => stringify(o, { lineWidth: 0 })).join('---\n');
}
