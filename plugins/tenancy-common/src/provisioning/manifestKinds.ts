import { parseAllDocuments } from 'yaml';

/**
 * `Kind name` of each object in a YAML stream, for the reviewer.
 *
 * @public
 */
export function manifestKinds(text: string): string[] {
  const docs = parseAllDocuments(text);
  return (Array.isArray(docs) ? docs : [docs])
    .map(
      doc =>
        doc.toJS() as { kind?: unknown; metadata?: { name?: unknown } } | null,
    )
    .filter(o => o && typeof o.kind === 'string')
    .map(o =>
      o!.metadata?.name ? `${o!.kind} ${o!.metadata.name}` : String(o!.kind),
    );
}
