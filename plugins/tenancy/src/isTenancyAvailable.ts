import { Entity } from '@backstage/catalog-model';
import {
  isTenantEntity,
  TENANCY_ANNOTATIONS,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';

/**
 * Whether an entity is a namespace or vCluster Resource of a tenant: the
 * quota, cost and Argo CD cards apply to it.
 *
 * @public
 */
export function isTenancyNamespaceEntity(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    (entity.spec?.type === 'kubernetes-namespace' ||
      entity.spec?.type === 'vcluster') &&
    Boolean(entity.metadata.annotations?.[TENANCY_ANNOTATIONS.tenant])
  );
}

/**
 * Whether the tenancy cards have something to show for an entity: a Tenant,
 * or a namespace or vCluster of one. For `EntitySwitch` in legacy apps and
 * entity card filters.
 *
 * @public
 */
export function isTenancyAvailable(entity: Entity): boolean {
  return isTenantEntity(entity) || isTenancyNamespaceEntity(entity);
}
