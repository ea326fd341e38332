import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import {
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  catalogApiRef,
  EntityRefLink,
  useEntity,
} from '@backstage/plugin-catalog-react';
import {
  isTenantEntity,
  TENANT_KIND,
  TenantEntityV1alpha1,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import useAsync from 'react-use/esm/useAsync';

const columns: TableColumn<TenantEntityV1alpha1>[] = [
  {
    title: 'Tenant',
    render: t => (
      <EntityRefLink
        entityRef={t}
        title={t.metadata.title ?? t.metadata.name}
      />
    ),
  },
  { title: 'Cost center', render: t => t.spec.costCenter },
  {
    title: 'Environments',
    render: t => (t.spec.environments ?? []).join(', '),
  },
  { title: 'Isolation', render: t => t.spec.isolation ?? 'namespaces' },
];

/**
 * On a Group's page: the tenants the group owns.
 *
 * @public
 */
export function GroupTenantsCard() {
  const { entity } = useEntity();
  const catalogApi = useApi(catalogApiRef);
  const groupRef = stringifyEntityRef(entity);

  const { value, loading, error } = useAsync(async () => {
    const response = await catalogApi.getEntities({
      filter: {
        kind: TENANT_KIND,
        [`relations.${RELATION_OWNED_BY}`]: groupRef,
      },
    });
    return response.items
      .filter(isTenantEntity)
      .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  }, [catalogApi, groupRef]);

  if (loading) {
    return (
      <InfoCard title="Tenants">
        <Progress />
      </InfoCard>
    );
  }
  if (error) {
    return (
      <ResponseErrorPanel title="Could not load the tenants" error={error} />
    );
  }
  return (
    <Table<TenantEntityV1alpha1>
      title={`Tenants (${value?.length ?? 0})`}
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={columns}
      data={value ?? []}
      emptyContent={
        <div style={{ padding: 16 }}>This group owns no tenants.</div>
      }
    />
  );
}
