import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { FleetTenant } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { formatCost } from '../shared/formatCost';
import { QuotaThresholds } from '../shared/quotaLevel';
import { policyFailures } from './policyFailures';
import { UtilisationCell } from './UtilisationCell';

/** A fleet row with the values the table sorts and searches on. */
type Row = FleetTenant & {
  id: string;
  displayName: string;
  utilisation: number;
  /** Reconcilers of both engines not ready (Argo CD out of sync included). */
  notReady: number;
  /** Reconcilers of both engines failed (Argo CD degraded or missing). */
  failed: number;
  /** Failing and erroring policy results, -1 without data (sorts first). */
  policyFailures: number;
  /** Drift findings, -1 when drift could not be computed. */
  driftCount: number;
};

/** A count, or an em dash when there is no data (-1). */
const countOrDash = (value: number) => (value < 0 ? '—' : value);

/** The tenants, paginated, sortable and searchable. */
export function FleetTable(props: {
  items: FleetTenant[];
  currency: string;
  window: string;
  thresholds: QuotaThresholds;
}) {
  const { items, currency, window, thresholds } = props;
  const rows: Row[] = items.map(t => ({
    ...t,
    id: t.entityRef,
    displayName: t.title ?? t.name,
    utilisation: t.quotaUtilisation.max ?? -1,
    notReady: t.reconcilers?.notReady ?? 0,
    failed: t.reconcilers?.failed ?? 0,
    policyFailures: policyFailures(t.policy) ?? -1,
    driftCount: t.drift ?? -1,
  }));
  const columns: TableColumn<Row>[] = [
    {
      title: 'Tenant',
      field: 'displayName',
      highlight: true,
      render: row => (
        <EntityRefLink entityRef={row.entityRef} title={row.displayName} />
      ),
    },
    {
      title: 'Owner',
      field: 'owner',
      render: row => (
        <EntityRefLink entityRef={row.owner} defaultKind="group" />
      ),
    },
    { title: 'Cost center', field: 'costCenter' },
    {
      title: 'Namespaces',
      field: 'namespaceCount',
      type: 'numeric',
      render: row =>
        row.vclusterCount
          ? `${row.namespaceCount} + ${row.vclusterCount} vCluster${
              row.vclusterCount > 1 ? 's' : ''
            }`
          : row.namespaceCount,
    },
    {
      title: 'Quota used',
      field: 'utilisation',
      type: 'numeric',
      searchable: false,
      render: row => (
        <UtilisationCell
          utilisation={row.quotaUtilisation}
          thresholds={thresholds}
        />
      ),
    },
    {
      title: `Cost (${window})`,
      field: 'cost',
      type: 'numeric',
      searchable: false,
      render: row =>
        row.cost === undefined ? 'no data' : formatCost(row.cost, currency),
    },
    {
      title: 'Not ready (Argo CD, Flux)',
      field: 'notReady',
      type: 'numeric',
      searchable: false,
    },
    {
      title: 'Failed',
      field: 'failed',
      type: 'numeric',
      searchable: false,
    },
    {
      title: 'Policy failures',
      field: 'policyFailures',
      type: 'numeric',
      searchable: false,
      render: row => countOrDash(row.policyFailures),
    },
    {
      title: 'Drift',
      field: 'driftCount',
      type: 'numeric',
      searchable: false,
      render: row => countOrDash(row.driftCount),
    },
  ];
  return (
    <Table<Row>
      title={`Tenants (${rows.length})`}
      options={{
        paging: true,
        pageSize: 25,
        pageSizeOptions: [25, 50, 100],
        search: true,
        padding: 'dense',
        emptyRowsWhenPaging: false,
      }}
      columns={columns}
      data={rows}
      emptyContent={<div style={{ padding: 16 }}>No tenants match.</div>}
    />
  );
}
