import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import {
  getTenantOwnerRef,
  isTenantEntity,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';

/**
 * Overview of a Tenant: owner, cost center, SSO group, environments, isolation, tier.
 *
 * @public
 */
export function TenantOverviewCard() {
  const { entity } = useEntity();
  if (!isTenantEntity(entity)) {
    return null;
  }
  const { spec } = entity;
  return (
    <InfoCard title="Tenant">
      <StructuredMetadataTable
        metadata={{
          owner: <EntityRefLink entityRef={getTenantOwnerRef(entity)} />,
          'cost center': spec.costCenter,
          'SSO group': spec.ssoGroup ?? '—',
          environments: spec.environments?.length
            ? spec.environments.join(', ')
            : '—',
          isolation: spec.isolation ?? 'namespaces',
          tier: spec.tier ?? '—',
        }}
      />
    </InfoCard>
  );
}
