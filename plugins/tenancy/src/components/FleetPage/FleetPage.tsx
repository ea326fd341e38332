import {
  Content,
  ErrorPanel,
  Header,
  Page,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { FleetTenant } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import useAsync from 'react-use/esm/useAsync';
import { tenancyApiRef } from '../../api/TenancyApi';

const columns: TableColumn<FleetTenant>[] = [
  {
    title: 'Tenant',
    field: 'name',
    highlight: true,
    render: row => (
      <EntityRefLink entityRef={row.entityRef} title={row.title ?? row.name} />
    ),
  },
  {
    title: 'Owner',
    field: 'owner',
    render: row => <EntityRefLink entityRef={row.owner} />,
  },
  { title: 'Cost center', field: 'costCenter' },
  {
    title: 'Environments',
    field: 'environments',
    render: row => row.environments.join(', '),
  },
  { title: 'Namespaces', field: 'namespaceCount', type: 'numeric' },
  { title: 'vClusters', field: 'vclusterCount', type: 'numeric' },
];

/**
 * The fleet page: every tenant the user may see.
 *
 * @public
 */
export function FleetPage() {
  const api = useApi(tenancyApiRef);
  const { value, loading, error } = useAsync(() => api.getFleet(), [api]);

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ErrorPanel title="Could not load the tenants" error={error} />;
  } else {
    body = (
      <Table<FleetTenant>
        title={`Tenants (${value?.items.length ?? 0})`}
        options={{ paging: true, pageSize: 20, search: true, padding: 'dense' }}
        columns={columns}
        data={value?.items ?? []}
        emptyContent={
          <div style={{ padding: 16 }}>No tenants in the catalog yet.</div>
        }
      />
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title="Tenants"
        subtitle="Every tenant of the platform you may see"
      />
      <Content>{body}</Content>
    </Page>
  );
}
