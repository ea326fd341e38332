import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { ArgoApplicationSummary } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { HealthStatus, SyncStatus } from './ApplicationStatus';
import { ShowMore } from './ShowMore';
import { ExternalLink } from './ExternalLink';
import { shortRevision } from './shortRevision';

/**
 * Argo CD applications with sync and health state, revision, last sync, and
 * a link to each in Argo CD.
 */
export function ApplicationsTable(props: {
  applications: ArgoApplicationSummary[];
  caption: string;
}) {
  const { applications, caption } = props;
  if (applications.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No Argo CD applications deploy here.
      </Typography>
    );
  }
  return (
    <ShowMore items={applications} limit={25} noun="applications">
      {shown => (
        <Table size="small" aria-label={caption}>
          <TableHead>
            <TableRow>
              <TableCell>Application</TableCell>
              <TableCell>Sync</TableCell>
              <TableCell>Health</TableCell>
              <TableCell>Revision</TableCell>
              <TableCell>Last sync</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map(app => (
              <TableRow
                key={`${app.instance}/${app.appNamespace ?? ''}/${app.name}`}
              >
                <TableCell>
                  <ExternalLink
                    href={app.url}
                    title={`Open ${app.name} in Argo CD`}
                  >
                    {app.name}
                  </ExternalLink>
                  <Typography
                    variant="caption"
                    display="block"
                    color="textSecondary"
                  >
                    {app.instance} · project {app.project}
                  </Typography>
                </TableCell>
                <TableCell style={{ whiteSpace: 'nowrap' }}>
                  <SyncStatus sync={app.sync} />
                </TableCell>
                <TableCell>
                  <HealthStatus
                    health={app.health}
                    message={app.healthMessage}
                  />
                </TableCell>
                <TableCell style={{ whiteSpace: 'nowrap' }}>
                  {app.revisions.map(shortRevision).join(', ') || '—'}
                </TableCell>
                <TableCell>
                  {app.lastSyncedAt
                    ? new Date(app.lastSyncedAt).toLocaleString()
                    : '—'}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </ShowMore>
  );
}
