import { stringifyEntityRef } from '@backstage/catalog-model';
import { parseAllDocuments } from 'yaml';

const ENTITY_FILES = /(^|\/)(catalog-info|tenant)\.yaml$/;

/**
 * The catalog entities a change's files define (its `catalog-info.yaml` and
 * `tenant.yaml` files), as entity refs, for the audit event.
 */
export function entityRefsOfFiles(files: Record<string, string>): string[] {
  const refs: string[] = [];
  for (const [path, text] of Object.entries(files)) {
    if (!ENTITY_FILES.test(path)) continue;
    for (const doc of parseAllDocuments(text)) {
      const entity = doc.toJS() as {
        kind?: unknown;
        metadata?: { name?: unknown; namespace?: unknown };
      } | null;
      const { kind, metadata } = entity ?? {};
      if (typeof kind === 'string' && typeof metadata?.name === 'string') {
        refs.push(
          stringifyEntityRef({
            kind,
            namespace:
              typeof metadata.namespace === 'string'
                ? metadata.namespace
                : undefined,
            name: metadata.name,
          }),
        );
      }
    }
  }
  return refs.sort();
}
