import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/**
 * A cluster given by name or as a Resource entity reference, as its name.
 *
 * @public
 */
export function resolveClusterName(cluster: string): string {
  if (!cluster.includes(':') && !cluster.includes('/')) return cluster;
  try {
    return parseEntityRef(cluster, { defaultKind: 'resource' }).name;
  } catch {
    throw new InputError(
      `cluster "${cluster}" is not a cluster name or entity reference`,
    );
  }
}
