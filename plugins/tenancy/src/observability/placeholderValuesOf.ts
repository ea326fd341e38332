import type { Entity } from '@backstage/catalog-model';
import {
  isTenantEntity,
  TENANCY_ANNOTATIONS,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { isTenancyNamespaceEntity } from '../isTenancyAvailable';
import type {
  ObservabilityLinkTemplate,
  ObservabilityPlaceholder,
} from './ObservabilityLinkTemplate';

/** Which templates apply to an entity and the values it fills them with. */
export interface PlaceholderValues {
  for: ObservabilityLinkTemplate['for'];
  values: Partial<Record<ObservabilityPlaceholder, string>>;
}

/**
 * The placeholder values of an entity, from what the catalog module records,
 * never guessed from the entity's name: a Tenant fills `{tenant}` (its name;
 * it has several environments and clusters, so not those); a namespace or
 * vCluster fills `{tenant}` and `{environment}` from its `tenancy.io/*`
 * annotations, `{namespace}` and `{cluster}` from the Kubernetes plugin's
 * (a vCluster's host namespace). Undefined for any other entity.
 */
export function placeholderValuesOf(
  entity: Entity,
): PlaceholderValues | undefined {
  if (isTenantEntity(entity)) {
    return { for: 'tenant', values: { tenant: entity.metadata.name } };
  }
  if (!isTenancyNamespaceEntity(entity)) return undefined;
  const annotations = entity.metadata.annotations ?? {};
  return {
    for: 'namespace',
    values: {
      tenant: annotations[TENANCY_ANNOTATIONS.tenant],
      environment: annotations[TENANCY_ANNOTATIONS.environment],
      namespace: annotations[TENANCY_ANNOTATIONS.kubernetesNamespace],
      cluster: annotations[TENANCY_ANNOTATIONS.kubernetesCluster],
    },
  };
}
