import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  DriftFinding,
  DriftKind,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { ExternalLink } from '../shared/ExternalLink';
import { ShowMore } from '../shared/ShowMore';

const KIND_LABELS: Record<DriftKind, string> = {
  orphan: 'not in Git',
  missing: 'not in the cluster',
  labels: 'labels',
  quota: 'quota',
  limitRange: 'LimitRange',
};

function Value(props: { value?: string }) {
  return props.value === undefined ? (
    <Typography variant="body2" color="textSecondary" component="span">
      none
    </Typography>
  ) : (
    <code>{props.value}</code>
  );
}

/** A drift finding and, when it can be built, the address of its folder. */
export interface DriftRow {
  finding: DriftFinding;
  folderUrl?: string;
}

/**
 * What differs between the GitOps repository and the cluster, per
 * namespace: the field, its value on each side, and under the message the
 * namespace's folder in the repository (a link when its address is known).
 */
export function DriftFindingsTable(props: {
  rows: DriftRow[];
  /** Show the namespace of each row (a Tenant's page). */
  namespaceColumn: boolean;
}) {
  const { rows, namespaceColumn } = props;
  return (
    <ShowMore items={rows} limit={25} noun="differences">
      {shown => (
        <Table
          size="small"
          aria-label="Differences between Git and the cluster"
        >
          <TableHead>
            <TableRow>
              {namespaceColumn && <TableCell>Namespace</TableCell>}
              <TableCell>Kind</TableCell>
              <TableCell>Field</TableCell>
              <TableCell>Git</TableCell>
              <TableCell>Cluster</TableCell>
              <TableCell>Message</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map(({ finding, folderUrl }, i) => (
              <TableRow key={`${finding.cluster}/${finding.namespace}:${i}`}>
                {namespaceColumn && (
                  <TableCell>
                    {finding.namespace}
                    <Typography
                      variant="caption"
                      display="block"
                      color="textSecondary"
                    >
                      {finding.cluster}
                    </Typography>
                  </TableCell>
                )}
                <TableCell>{KIND_LABELS[finding.kind]}</TableCell>
                <TableCell>
                  {finding.field ? <code>{finding.field}</code> : '—'}
                </TableCell>
                <TableCell>
                  <Value value={finding.git} />
                </TableCell>
                <TableCell>
                  <Value value={finding.live} />
                </TableCell>
                <TableCell>
                  {finding.message}
                  {finding.path && (
                    <Typography
                      variant="caption"
                      display="block"
                      color="textSecondary"
                    >
                      Folder in Git:{' '}
                      {folderUrl ? (
                        <ExternalLink href={folderUrl}>
                          {finding.path}
                        </ExternalLink>
                      ) : (
                        <code>{finding.path}</code>
                      )}
                    </Typography>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </ShowMore>
  );
}
