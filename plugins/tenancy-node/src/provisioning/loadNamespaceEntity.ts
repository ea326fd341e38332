import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { TENANCY_ANNOTATIONS } from '@tenancy-plugins/backstage-plugin-tenancy-common';

/** Loads a tenant namespace entity and where it lives: tenant, environment, cluster. */
export async function loadNamespaceEntity(options: {
  namespace: string;
  catalog: CatalogService;
  credentials: BackstageCredentials;
}) {
  let ref;
  try {
    ref = parseEntityRef(options.namespace, { defaultKind: 'resource' });
  } catch (e) {
    throw new InputError(
      `namespace "${options.namespace}" is not an entity reference: ${e}`,
    );
  }
  const entity = await options.catalog.getEntityByRef(ref, {
    credentials: options.credentials,
  });
  const annotations = entity?.metadata.annotations ?? {};
  const tenant = annotations[TENANCY_ANNOTATIONS.tenant];
  const environment = annotations[TENANCY_ANNOTATIONS.environment];
  const cluster = annotations[TENANCY_ANNOTATIONS.kubernetesCluster];
  if (!entity || !tenant || !environment || !cluster) {
    throw new NotFoundError(
      `${stringifyEntityRef(ref)} is not a tenant namespace in the catalog`,
    );
  }
  return { entity, tenant, environment, cluster };
}
