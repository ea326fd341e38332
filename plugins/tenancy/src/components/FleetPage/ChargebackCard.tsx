import { InfoCard, Table, TableColumn } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import GetAppIcon from '@material-ui/icons/GetApp';
import {
  CostCenterCost,
  FleetResponse,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { downloadFile } from '../shared/downloadFile';
import { formatCost } from '../shared/formatCost';
import { chargebackCsv } from './chargebackCsv';

type Row = CostCenterCost & { id: string };

/** Cost per cost center for the window, with a CSV download for FinOps. */
export function ChargebackCard(props: { fleet: FleetResponse }) {
  const { fleet } = props;
  const rows: Row[] = fleet.costCenters.map(c => ({ ...c, id: c.costCenter }));
  const columns: TableColumn<Row>[] = [
    { title: 'Cost center', field: 'costCenter' },
    { title: 'Tenants', field: 'tenants', type: 'numeric' },
    {
      title: `Cost (${fleet.window})`,
      field: 'cost',
      type: 'numeric',
      defaultSort: 'desc',
      render: row => formatCost(row.cost, fleet.currency),
    },
  ];
  const download = () =>
    downloadFile(
      `chargeback-${fleet.window}-${fleet.generatedAt.slice(0, 10)}.csv`,
      chargebackCsv(fleet),
      'text/csv;charset=utf-8',
    );
  return (
    <InfoCard
      title="Chargeback by cost center"
      subheader={`Cost of the last ${fleet.window}, in ${fleet.currency}, of the tenants you may see`}
      action={
        <Button
          variant="outlined"
          color="primary"
          startIcon={<GetAppIcon />}
          onClick={download}
          style={{ marginTop: 8 }}
        >
          Download CSV
        </Button>
      }
    >
      <Table<Row>
        options={{
          paging: rows.length > 20,
          pageSize: 20,
          search: false,
          toolbar: false,
          padding: 'dense',
        }}
        columns={columns}
        data={rows}
      />
    </InfoCard>
  );
}
