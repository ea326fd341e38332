import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { QuotaResourceUsage } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { useQuotaLevelClasses } from './useQuotaLevelClasses';
import { quotaLevel, QuotaThresholds } from './quotaLevel';
import { quotaResourceLabel } from './quotaResourceLabel';

// Static classes only (no Box): a tenant page renders hundreds of these.
const useStyles = makeStyles(theme => ({
  root: { marginBottom: theme.spacing(1) },
  line: { display: 'flex', justifyContent: 'space-between' },
  bar: { height: 8, borderRadius: 4 },
}));

/**
 * One quota resource: used against hard as a bar, coloured by the
 * thresholds, with the numbers beside it.
 */
export function QuotaBar(props: {
  usage: QuotaResourceUsage;
  thresholds: QuotaThresholds;
}) {
  const { usage, thresholds } = props;
  const classes = useStyles();
  const levelClasses = useQuotaLevelClasses();
  const level = quotaLevel(usage.utilisation, thresholds);
  const percent =
    usage.utilisation === undefined
      ? undefined
      : Math.round(usage.utilisation * 100);
  const label = quotaResourceLabel(usage.resource);
  const levelText =
    level === 'danger' || level === 'warning' ? ` (${level})` : '';
  return (
    <div
      className={classes.root}
      data-testid={`quota-${usage.resource}`}
      data-level={level}
    >
      <div className={classes.line}>
        <Typography variant="body2">{label}</Typography>
        <Typography variant="body2" color="textSecondary">
          {usage.used} / {usage.hard}
          {percent === undefined ? '' : ` · ${percent}%`}
          {levelText}
        </Typography>
      </div>
      <LinearProgress
        variant="determinate"
        value={Math.min(percent ?? 0, 100)}
        aria-label={`${label}: ${usage.used} of ${usage.hard} used`}
        classes={{ root: classes.bar, bar: levelClasses[level] }}
      />
    </div>
  );
}
