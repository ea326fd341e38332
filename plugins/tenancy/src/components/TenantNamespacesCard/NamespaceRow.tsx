import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { NamespaceSummary } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { Link } from '@backstage/ui';
import { HealthStatus, SyncStatus } from '../shared/ApplicationStatus';
import { ReconcilerStateStatus } from '../shared/ReconcilerStateStatus';
import { useKubernetesTabLink } from '../shared/useKubernetesTabLink';
import { LimitRangeDetails } from '../shared/LimitRangeDetails';
import { QuotaBars } from '../shared/QuotaBars';
import { QuotaThresholds } from '../shared/quotaLevel';
import { ExternalLink } from '../shared/ExternalLink';
import { VClusterStateSummary } from '../VClusterState';

// Static classes only (no Box): a tenant page renders hundreds of rows.
const useStyles = makeStyles(theme => ({
  row: {
    padding: theme.spacing(1, 0),
    borderTop: `1px solid ${theme.palette.divider}`,
  },
  chips: { display: 'flex', flexWrap: 'wrap', gap: 4 },
  app: { marginBottom: theme.spacing(1) },
}));

/**
 * One namespace or vCluster of a tenant: link to its entity, a vCluster's
 * state (ready, chart version vs the pinned one, Kubernetes version), quota
 * bars, LimitRange defaults on demand, and its Argo CD applications or, on
 * a Flux cluster, its Flux objects (linked to the namespace's Kubernetes tab).
 */
export function NamespaceRow(props: {
  entity: Entity;
  summary?: NamespaceSummary;
  /** Why there is no summary, when the backend failed. */
  summaryUnavailable: boolean;
  thresholds: QuotaThresholds;
}) {
  const { entity, summary, summaryUnavailable, thresholds } = props;
  const classes = useStyles();
  const kubernetesTab = useKubernetesTabLink();
  const flux = (summary?.reconcilers ?? []).filter(r => r.engine === 'flux');
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
    <div className={classes.row} data-testid={`namespace-${name}`}>
      <Grid container spacing={2}>
        <Grid item xs={12} md={3}>
          <Typography variant="subtitle1" component="h4">
            <EntityRefLink entityRef={entity} title={name} />
          </Typography>
          <div className={classes.chips}>
            {isVCluster && <Chip size="small" label="vCluster" />}
            {summary?.quota?.phase && (
              <Chip
                size="small"
                variant="outlined"
                label={summary.quota.phase}
              />
            )}
          </div>
          {isVCluster && summary && (
            <VClusterStateSummary state={summary.vcluster} />
          )}
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
          {summary &&
            summary.applications.length === 0 &&
            flux.length === 0 && (
              <Typography variant="body2" color="textSecondary">
                No Argo CD applications.
              </Typography>
            )}
          {flux.map(r => (
            <div
              key={`${r.namespace ?? ''}/${r.kind}/${r.name}`}
              className={classes.app}
            >
              {r.namespace === summary?.namespace ? (
                <Link
                  href={kubernetesTab(stringifyEntityRef(entity))}
                  title={`Open the Kubernetes tab of ${name}`}
                >
                  {r.name}
                </Link>
              ) : (
                <Typography variant="body2">{r.name}</Typography>
              )}
              <Typography variant="body2" component="div">
                Flux {r.kind} <ReconcilerStateStatus state={r.state} />
              </Typography>
            </div>
          ))}
          {summary?.applications.map(app => (
            <div key={`${app.instance}/${app.name}`} className={classes.app}>
              <ExternalLink
                href={app.url}
                title={`Open ${app.name} in Argo CD`}
              >
                {app.name}
              </ExternalLink>
              <Typography variant="body2" component="div">
                <SyncStatus sync={app.sync} />{' '}
                <HealthStatus health={app.health} />
              </Typography>
            </div>
          ))}
        </Grid>
      </Grid>
    </div>
  );
}
