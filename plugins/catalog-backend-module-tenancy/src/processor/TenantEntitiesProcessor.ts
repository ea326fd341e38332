import {
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  RELATION_HAS_PART,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PART_OF,
} from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
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
import { ANNOTATION_INGESTION_ERROR } from '../provider/ingestionError';

/**
 * Makes `Tenant` a catalog kind: validates it against the schema in
 * tenancy-common and emits its relations.
 *
 * - Tenant `ownedBy` its Group (and the Group `ownerOf` the Tenant).
 * - A namespace or vCluster Resource annotated with `tenancy.io/tenant` is
 *   `partOf` that Tenant (and the Tenant `hasPart` it).
 * - The cost center matches `tenancy.tenants.costCenterPattern` when set.
 * - An entity the GitOps provider found fault with fails processing with the
 *   provider's located message.
 *
 * @public
 */
export class TenantEntitiesProcessor implements CatalogProcessor {
  static fromConfig(config: Config): TenantEntitiesProcessor {
    const pattern = config.getOptionalString(
      'tenancy.tenants.costCenterPattern',
    );
    let costCenterPattern: RegExp | undefined;
    if (pattern) {
      try {
        costCenterPattern = new RegExp(`^(?:${pattern})$`);
      } catch (e) {
        throw new Error(
          `tenancy.tenants.costCenterPattern is not a valid regular expression: ${e}`,
        );
      }
    }
    return new TenantEntitiesProcessor(costCenterPattern);
  }

  private constructor(private readonly costCenterPattern?: RegExp) {}

  getProcessorName(): string {
    return 'TenantEntitiesProcessor';
  }

  async preProcessEntity(entity: Entity): Promise<Entity> {
    const error = entity.metadata.annotations?.[ANNOTATION_INGESTION_ERROR];
    if (error) {
      throw new InputError(error);
    }
    return entity;
  }

  async validateEntityKind(entity: Entity): Promise<boolean> {
    if (entity.kind !== TENANT_KIND) {
      return false;
    }
    if (
      !(await tenantEntityV1alpha1Validator.check(entity)) ||
      !isTenantEntity(entity)
    ) {
      return false;
    }
    const { costCenter } = entity.spec;
    if (this.costCenterPattern && !this.costCenterPattern.test(costCenter)) {
      throw new InputError(
        `spec.costCenter "${costCenter}" of tenant ${entity.metadata.name} does not match the configured pattern ${this.costCenterPattern.source}`,
      );
    }
    return true;
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
