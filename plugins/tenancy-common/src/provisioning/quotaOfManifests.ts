import { parseAllDocuments } from 'yaml';

/**
 * The quota a file of a namespace folder gives its namespace: a
 * ResourceQuota's `spec.hard`, or the `policies.resourceQuota.quota` of a
 * vCluster chart Application. Undefined for any other file, or one that
 * does not parse.
 *
 * @public
 */
export function quotaOfManifests(
  text: string,
): Record<string, string> | undefined {
  let objects: unknown[];
  try {
    objects = parseAllDocuments(text).map(d => d.toJS({ maxAliasCount: 0 }));
  } catch {
    return undefined;
  }
  for (const o of objects as Array<Record<string, any> | null>) {
    let hard: unknown;
    if (o?.kind === 'ResourceQuota') hard = o.spec?.hard;
    if (o?.kind === 'Application') {
      hard = o.spec?.source?.helm?.valuesObject?.policies?.resourceQuota?.quota;
    }
    if (hard && typeof hard === 'object') {
      return Object.fromEntries(
        Object.entries(hard).map(([k, v]) => [k, String(v)]),
      );
    }
  }
  return undefined;
}
