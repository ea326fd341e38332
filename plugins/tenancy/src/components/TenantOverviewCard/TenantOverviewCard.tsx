import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  getTenantOwnerRef,
  isTenantEntity,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { RequestNamespaceButton } from '../shared/RequestNamespaceButton';
import { TenantRequestsList } from './TenantRequestsList';

/**
 * Overview of a Tenant: owner, cost center, SSO group, environments,
 * isolation, tier; its provisioning requests with links; and the way to
 * request a namespace.
 *
 * @public
 */
export function TenantOverviewCard(props: { templateRef?: string }) {
  const { entity } = useEntity();
  if (!isTenantEntity(entity)) {
    return null;
  }
  const { spec } = entity;
  const tenantRef = stringifyEntityRef(entity);
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
      <Box mt={2}>
        <Typography variant="subtitle2" component="h3">
          Provisioning requests
        </Typography>
        <TenantRequestsList tenantRef={tenantRef} />
      </Box>
      <Box mt={2}>
        <RequestNamespaceButton
          tenantRef={tenantRef}
          templateRef={props.templateRef}
        />
      </Box>
    </InfoCard>
  );
}
