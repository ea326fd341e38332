import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { LimitRangeSummary } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { useState } from 'react';

const COLUMNS = ['defaultRequest', 'default', 'min', 'max'] as const;
const COLUMN_TITLES: Record<(typeof COLUMNS)[number], string> = {
  defaultRequest: 'Default request',
  default: 'Default limit',
  min: 'Min',
  max: 'Max',
};

function formatValues(values?: Record<string, string>): string {
  if (!values) return '—';
  return Object.entries(values)
    .map(([resource, value]) => `${resource} ${value}`)
    .join(', ');
}

/** The LimitRange defaults and bounds of a namespace, shown on demand. */
export function LimitRangeDetails(props: {
  limitRanges: LimitRangeSummary[];
  namespace: string;
}) {
  const { limitRanges, namespace } = props;
  const [open, setOpen] = useState(false);
  if (limitRanges.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No LimitRange: containers without requests get none.
      </Typography>
    );
  }
  return (
    <div>
      <Button
        size="small"
        aria-expanded={open}
        aria-label={`${
          open ? 'Hide' : 'Show'
        } LimitRange defaults of ${namespace}`}
        style={{ textTransform: 'none' }}
        onClick={() => setOpen(!open)}
      >
        {open ? 'Hide' : 'Show'} LimitRange defaults
      </Button>
      {open && (
        <Table size="small" aria-label={`LimitRange defaults of ${namespace}`}>
          <TableHead>
            <TableRow>
              <TableCell>LimitRange</TableCell>
              <TableCell>Type</TableCell>
              {COLUMNS.map(c => (
                <TableCell key={c}>{COLUMN_TITLES[c]}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {limitRanges.flatMap(lr =>
              lr.limits.map(limit => (
                <TableRow key={`${lr.name}/${limit.type}`}>
                  <TableCell>{lr.name}</TableCell>
                  <TableCell>{limit.type}</TableCell>
                  {COLUMNS.map(c => (
                    <TableCell key={c}>{formatValues(limit[c])}</TableCell>
                  ))}
                </TableRow>
              )),
            )}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
