import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import { CostBreakdown } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { formatCost } from '../shared/formatCost';

const PARTS: Array<[keyof CostBreakdown, string]> = [
  ['cpu', 'CPU'],
  ['ram', 'RAM'],
  ['storage', 'Storage'],
  ['network', 'Network'],
  ['other', 'Other (GPU, load balancers, shared)'],
];

/** Cost per resource with its share of the total. */
export function CostBreakdownTable(props: {
  breakdown: CostBreakdown;
  total: number;
  currency: string;
}) {
  const { breakdown, total, currency } = props;
  return (
    <Table size="small" aria-label="Cost breakdown">
      <TableBody>
        {PARTS.map(([key, label]) => (
          <TableRow key={key}>
            <TableCell component="th" scope="row">
              {label}
            </TableCell>
            <TableCell align="right" style={{ whiteSpace: 'nowrap' }}>
              {formatCost(breakdown[key], currency)}
            </TableCell>
            <TableCell align="right">
              {total > 0
                ? `${Math.round((breakdown[key] / total) * 100)}%`
                : '—'}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
