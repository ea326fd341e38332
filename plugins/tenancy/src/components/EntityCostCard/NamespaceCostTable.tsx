import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { NamespaceSummary } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { formatCost } from '../shared/formatCost';

interface Row {
  id: string;
  entityRef: string;
  namespace: string;
  environment: string;
  cluster: string;
  cost?: number;
  share?: number;
}

/** The cost of each namespace of a tenant, most expensive first. */
export function NamespaceCostTable(props: {
  namespaces: NamespaceSummary[];
  total: number;
  currency: string;
}) {
  const { namespaces, total, currency } = props;
  const rows: Row[] = namespaces
    .map(ns => ({
      id: ns.entityRef,
      entityRef: ns.entityRef,
      namespace: ns.namespace,
      environment: ns.environment ?? '—',
      cluster: ns.cluster,
      cost: ns.cost?.total,
      share:
        ns.cost && total > 0
          ? Math.round((ns.cost.total / total) * 100)
          : undefined,
    }))
    .sort((a, b) => (b.cost ?? -1) - (a.cost ?? -1));
  const columns: TableColumn<Row>[] = [
    {
      title: 'Namespace',
      field: 'namespace',
      render: row => (
        <EntityRefLink entityRef={row.entityRef} title={row.namespace} />
      ),
    },
    { title: 'Environment', field: 'environment' },
    { title: 'Cluster', field: 'cluster' },
    {
      title: 'Cost',
      field: 'cost',
      type: 'numeric',
      render: row =>
        row.cost === undefined ? 'no data' : formatCost(row.cost, currency),
    },
    {
      title: 'Share',
      field: 'share',
      type: 'numeric',
      render: row => (row.share === undefined ? '—' : `${row.share}%`),
    },
  ];
  return (
    <Table<Row>
      title="Cost per namespace"
      options={{
        paging: rows.length > 10,
        pageSize: 10,
        search: rows.length > 10,
        padding: 'dense',
        toolbar: true,
      }}
      columns={columns}
      data={rows}
    />
  );
}
