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
  costCenterPatternRule,
  isTenantEntity,
  TenancyPolicy,
  TENANCY_ANNOTATIONS,
  TENANT_KIND,
  tenantEntityV1alpha1Validator,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { readTenancyConfig } from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { ANNOTATION_INGESTION_ERROR } from '../provider/ingestionError';

/**
 * Makes `Tenant` a catalog kind: validates it against the schema in
 * tenancy-common and emits its relations.
 *
 * - Tenant `ownedBy` its Group (and the Group `ownerOf` the Tenant).
 * - A namespace or vCluster Resource annotated with `tenancy.io/tenant` is
 *   `partOf` that Tenant (and the Tenant `hasPart` it).
 * - The cost center matches `tenancy.tenants.costCenterPattern` when set
 *   (read by `readTenancyConfig`; the same rule as `validateTenantRequest`).
 * - An entity the GitOps provider found fault with fails processing with the
 *   provider's located message.
 *
 * @public
 */
export class TenantEntitiesProcessor implements CatalogProcessor {
  static fromConfig(config: Config): TenantEntitiesProcessor {
    return new TenantEntitiesProcessor(readTenancyConfig(config).policy);
  }

  private constructor(
    private readonly policy: Pick<TenancyPolicy, 'costCenterPattern'>,
  ) {}

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
    // The rule tenancy:tenant:create checks too, so a request it opens passes here.
    const { costCenter } = entity.spec;
    if (costCenterPatternRule(costCenter, this.policy).length) {
      throw new InputError(
        `spec.costCenter "${costCenter}" of tenant ${entity.metadata.name} does not match the configured pattern ${this.policy.costCenterPattern} (tenancy.tenants.costCenterPattern)`,
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
