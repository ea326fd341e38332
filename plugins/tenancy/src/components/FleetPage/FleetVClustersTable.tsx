import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { FleetVCluster } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { HealthStatus, SyncStatus } from '../shared/ApplicationStatus';
import { VClusterChartVersion, VClusterStatus } from '../VClusterState';

/** A vCluster row with the values the table sorts and searches on. */
type Row = FleetVCluster & {
  id: string;
  status: string;
  chart: string;
  /** 1 when behind the pinned chart version, so those sort first. */
  behindRank: number;
};

const DASH = '—';

/**
 * The fleet's vClusters with their state (ready, not ready, sleeping),
 * chart version (those behind the platform's pinned version marked, and
 * sorted first), Kubernetes version and the chart application's Argo CD
 * state.
 */
export function FleetVClustersTable(props: { items: FleetVCluster[] }) {
  const rows: Row[] = props.items.map(v => ({
    ...v,
    id: v.entityRef,
    status: v.state?.status ?? '',
    chart: v.state?.chartVersion ?? '',
    behindRank: v.state?.behind ? 1 : 0,
  }));
  const behind = rows.filter(r => r.behindRank).length;
  const pinned = props.items.find(v => v.state)?.state?.pinnedChartVersion;
  const columns: TableColumn<Row>[] = [
    {
      title: 'vCluster',
      field: 'name',
      highlight: true,
      render: row => (
        <EntityRefLink entityRef={row.entityRef} title={row.name} />
      ),
    },
    {
      title: 'Tenant',
      field: 'tenant',
      render: row => <EntityRefLink entityRef={row.tenant} />,
    },
    { title: 'Environment', field: 'environment' },
    { title: 'Cluster', field: 'cluster' },
    {
      title: 'State',
      field: 'status',
      render: row => (row.state ? <VClusterStatus state={row.state} /> : DASH),
    },
    {
      title: 'Chart',
      field: 'behindRank',
      defaultSort: 'desc',
      customFilterAndSearch: (term, row) => row.chart.includes(term),
      render: row =>
        row.state ? <VClusterChartVersion state={row.state} /> : DASH,
    },
    {
      title: 'Kubernetes',
      field: 'state.kubernetesVersion',
      render: row => row.state?.kubernetesVersion ?? DASH,
    },
    {
      title: 'Argo CD',
      sorting: false,
      render: row => {
        const app = row.state?.application;
        if (!app) return DASH;
        return (
          <>
            <SyncStatus sync={app.sync} /> <HealthStatus health={app.health} />
          </>
        );
      },
    },
  ];
  let subtitle = 'No vClusters';
  if (rows.length) {
    subtitle = behind
      ? `${behind} behind the pinned chart ${pinned}`
      : `All on the pinned chart${pinned ? ` ${pinned}` : ''}`;
  }
  return (
    <Table<Row>
      title={`vClusters (${rows.length})`}
      subtitle={subtitle}
      options={{ paging: rows.length > 10, pageSize: 10, padding: 'dense' }}
      columns={columns}
      data={rows}
    />
  );
}
