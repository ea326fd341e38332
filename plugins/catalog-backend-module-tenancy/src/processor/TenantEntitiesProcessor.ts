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

const KUBERNETES_LABEL_SELECTOR = 'backstage.io/kubernetes-label-selector';

/**
 * The label selector of a namespace's or vCluster's Kubernetes tab: every
 * object without the label `tenancy.io/unlisted`, which nothing sets. The
 * upstream plugin lists each object type in the entity's
 * `backstage.io/kubernetes-namespace` with the entity's selector; an empty
 * selector would match everything, but the plugin replaces an empty
 * annotation by `backstage.io/kubernetes-id=<entity name>`, and Kubernetes
 * has no other way to say "all": a label nothing carries, required absent,
 * is it (and a workload labelled `tenancy.io/unlisted` is left off the tab).
 */
export const NAMESPACE_WORKLOADS_SELECTOR = '!tenancy.io/unlisted';

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
 * - A namespace or vCluster Resource of a tenant gets the upstream Kubernetes
 *   plugin's `backstage.io/kubernetes-label-selector` (unless it has one):
 *   {@link NAMESPACE_WORKLOADS_SELECTOR}, every object of its
 *   `backstage.io/kubernetes-namespace`, so the Kubernetes tab lists the
 *   namespace's workloads.
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
    const annotations = entity.metadata.annotations ?? {};
    const error = annotations[ANNOTATION_INGESTION_ERROR];
    if (error) {
      throw new InputError(error);
    }
    const type = (entity.spec as { type?: unknown } | undefined)?.type;
    if (
      entity.kind !== 'Resource' ||
      !annotations[TENANCY_ANNOTATIONS.tenant] ||
      !annotations[TENANCY_ANNOTATIONS.kubernetesNamespace] ||
      (type !== 'kubernetes-namespace' && type !== 'vcluster') ||
      annotations[KUBERNETES_LABEL_SELECTOR]
    ) {
      return entity;
    }
    return {
      ...entity,
      metadata: {
        ...entity.metadata,
        annotations: {
          ...annotations,
          [KUBERNETES_LABEL_SELECTOR]: NAMESPACE_WORKLOADS_SELECTOR,
        },
      },
    };
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
