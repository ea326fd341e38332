import { parseEntityRef } from '@backstage/catalog-model';

/** The app path of an entity's page, e.g. `/catalog/default/resource/payments-dev`. */
export function entityPath(ref: string): string {
  const { kind, namespace, name } = parseEntityRef(ref);
  return `/catalog/${namespace}/${kind.toLocaleLowerCase('en-US')}/${name}`;
}
