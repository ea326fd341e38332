import { Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';

/**
 * The catalog entities of the given namespace and vCluster refs, with the
 * location they were read from; an empty map while loading or when the
 * catalog fails (the card then shows folder paths as text).
 */
export function useNamespaceEntities(
  entityRefs: string[],
): Map<string, Entity> {
  const catalogApi = useApi(catalogApiRef);
  const key = entityRefs.join('\n');
  const { value } = useAsync(async () => {
    const refs = key ? key.split('\n') : [];
    if (refs.length === 0) return new Map<string, Entity>();
    const { items } = await catalogApi.getEntitiesByRefs({
      entityRefs: refs,
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.annotations',
      ],
    });
    return new Map(
      refs.flatMap((ref, i) => {
        const entity = items[i];
        return entity ? [[ref, entity] as const] : [];
      }),
    );
  }, [catalogApi, key]);
  return value ?? new Map();
}
