import {
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  RELATION_HAS_PART,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PART_OF,
} from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  isTenantEntity,
  TENANCY_ANNOTATIONS,
  TENANT_KIND,
  tenantEntityV1alpha1Validator,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';

/**
 * Makes `Tenant` a catalog kind: validates it against the schema in
 * tenancy-common and emits its relations.
 *
 * - Tenant `ownedBy` its Group (and the Group `ownerOf` the Tenant).
 * - A namespace or vCluster Resource annotated with `tenancy.io/tenant` is
 *   `partOf` that Tenant (and the Tenant `hasPart` it).
 *
 * @public
 */
export class TenantEntitiesProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'TenantEntitiesProcessor';
  }

  async validateEntityKind(entity: Entity): Promise<boolean> {
    return tenantEntityV1alpha1Validator.check(entity);
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    const self = getCompoundEntityRef(entity);

    if (isTenantEntity(entity)) {
      const owner = parseEntityRef(entity.spec.owner, {
        defaultKind: 'Group',
        defaultNamespace: self.namespace,
      });
      emit(
        processingResult.relation({
          source: self,
          type: RELATION_OWNED_BY,
          target: owner,
        }),
      );
      emit(
        processingResult.relation({
          source: owner,
          type: RELATION_OWNER_OF,
          target: self,
        }),
      );
      return entity;
    }

    const tenantName =
      entity.metadata.annotations?.[TENANCY_ANNOTATIONS.tenant];
    if (entity.kind === 'Resource' && tenantName) {
      const tenant = parseEntityRef(tenantName, {
        defaultKind: TENANT_KIND,
        defaultNamespace: self.namespace,
      });
      emit(
        processingResult.relation({
          source: self,
          type: RELATION_PART_OF,
          target: tenant,
        }),
      );
      emit(
        processingResult.relation({
          source: tenant,
          type: RELATION_HAS_PART,
          target: self,
        }),
      );
    }
    return entity;
  }
}
