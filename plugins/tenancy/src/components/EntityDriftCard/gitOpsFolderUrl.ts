import {
  ANNOTATION_LOCATION,
  Entity,
  parseLocationRef,
} from '@backstage/catalog-model';

/**
 * The web address of a namespace's folder in the GitOps repository: the
 * folder of the file its entity was read from (`backstage.io/managed-by-location`),
 * when that is a `url:` location whose folder is `path`. Undefined otherwise
 * (e.g. the local git repository of the embedded default, a `file:` location).
 */
export function gitOpsFolderUrl(
  entity: Entity | undefined,
  path: string,
): string | undefined {
  const location = entity?.metadata.annotations?.[ANNOTATION_LOCATION];
  if (!location) return undefined;
  let target;
  try {
    const ref = parseLocationRef(location);
    if (ref.type !== 'url') return undefined;
    target = ref.target;
  } catch {
    return undefined;
  }
  const folder = target.slice(0, target.lastIndexOf('/'));
  const wanted = `/${path.replace(/^\/+|\/+$/g, '')}`;
  return folder.endsWith(wanted) ? folder : undefined;
}
