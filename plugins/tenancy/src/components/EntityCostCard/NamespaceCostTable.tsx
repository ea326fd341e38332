import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { NamespaceSummary } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { formatCost } from '../shared/formatCost';
import { ShowMore } from '../shared/ShowMore';

/** The cost of each namespace of a tenant, most expensive first. */
export function NamespaceCostTable(props: {
  namespaces: NamespaceSummary[];
  total: number;
  currency: string;
}) {
  const { namespaces, total, currency } = props;
  const rows = [...namespaces].sort(
    (a, b) => (b.cost?.total ?? -1) - (a.cost?.total ?? -1),
  );
  return (
    <>
      <Typography variant="subtitle1" component="h3">
        Cost per namespace
      </Typography>
      <ShowMore items={rows} limit={10} noun="namespaces">
        {shown => (
          <Table size="small" aria-label="Cost per namespace">
            <TableHead>
              <TableRow>
                <TableCell>Namespace</TableCell>
                <TableCell>Environment</TableCell>
                <TableCell>Cluster</TableCell>
                <TableCell align="right">Cost</TableCell>
                <TableCell align="right">Share</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {shown.map(ns => (
                <TableRow key={ns.entityRef}>
                  <TableCell>
                    <EntityRefLink
                      entityRef={ns.entityRef}
                      title={ns.namespace}
                    />
                  </TableCell>
                  <TableCell>{ns.environment ?? '—'}</TableCell>
                  <TableCell>{ns.cluster}</TableCell>
                  <TableCell align="right" style={{ whiteSpace: 'nowrap' }}>
                    {ns.cost ? formatCost(ns.cost.total, currency) : 'no data'}
                  </TableCell>
                  <TableCell align="right">
                    {ns.cost && total > 0
                      ? `${Math.round((ns.cost.total / total) * 100)}%`
                      : '—'}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </ShowMore>
    </>
  );
}
