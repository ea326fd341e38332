import { Link } from '@backstage/core-components';
import { Entity } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { NamespaceSummary } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { HealthStatus, SyncStatus } from '../shared/ApplicationStatus';
import { LimitRangeDetails } from '../shared/LimitRangeDetails';
import { QuotaBars } from '../shared/QuotaBars';
import { QuotaThresholds } from '../shared/quotaLevel';

/**
 * One namespace or vCluster of a tenant: link to its entity, quota bars,
 * LimitRange defaults on demand, and its Argo CD applications.
 */
export function NamespaceRow(props: {
  entity: Entity;
  summary?: NamespaceSummary;
  /** Why there is no summary, when the backend failed. */
  summaryUnavailable: boolean;
  thresholds: QuotaThresholds;
}) {
  const { entity, summary, summaryUnavailable, thresholds } = props;
  const name = entity.metadata.name;
  const isVCluster = entity.spec?.type === 'vcluster';
  let quota;
  if (summary?.quota) {
    quota = (
      <QuotaBars
        resources={summary.quota.resources}
        thresholds={thresholds}
        mainOnly
      />
    );
  } else {
    quota = (
      <Typography variant="body2" color="textSecondary">
        {summaryUnavailable
          ? 'Quota unavailable.'
          : 'Not reported by the cluster yet (not applied, or the cluster is unavailable).'}
      </Typography>
    );
  }
  return (
    <Box
      py={1}
      borderTop={1}
      borderColor="divider"
      data-testid={`namespace-${name}`}
    >
      <Grid container spacing={2}>
        <Grid item xs={12} md={3}>
          <Typography variant="subtitle1" component="h4">
            <EntityRefLink entityRef={entity} title={name} />
          </Typography>
          <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
            {isVCluster && <Chip size="small" label="vCluster" />}
            {summary?.quota?.phase && (
              <Chip
                size="small"
                variant="outlined"
                label={summary.quota.phase}
              />
            )}
          </Box>
          {summary?.quota && (
            <LimitRangeDetails
              limitRanges={summary.quota.limitRanges}
              namespace={name}
            />
          )}
        </Grid>
        <Grid item xs={12} md={5}>
          {quota}
        </Grid>
        <Grid item xs={12} md={4}>
          {summary && summary.applications.length === 0 && (
            <Typography variant="body2" color="textSecondary">
              No Argo CD applications.
            </Typography>
          )}
          {summary?.applications.map(app => (
            <Box key={`${app.instance}/${app.name}`} mb={1}>
              <Link to={app.url} title={`Open ${app.name} in Argo CD`}>
                {app.name}
              </Link>
              <Typography variant="body2" component="div">
                <SyncStatus sync={app.sync} />{' '}
                <HealthStatus health={app.health} />
              </Typography>
            </Box>
          ))}
        </Grid>
      </Grid>
    </Box>
  );
}
