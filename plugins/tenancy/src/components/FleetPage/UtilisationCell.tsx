import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { FleetTenant } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { useQuotaLevelClasses } from '../shared/useQuotaLevelClasses';
import { quotaLevel, QuotaThresholds } from '../shared/quotaLevel';

const useStyles = makeStyles({
  bar: { height: 6, borderRadius: 3, width: 80 },
});

const pct = (v?: number) => (v === undefined ? '—' : `${Math.round(v * 100)}%`);

/** The highest quota utilisation of a tenant, with CPU, memory and pods. */
export function UtilisationCell(props: {
  utilisation: FleetTenant['quotaUtilisation'];
  thresholds: QuotaThresholds;
}) {
  const { utilisation, thresholds } = props;
  const classes = useStyles();
  const levelClasses = useQuotaLevelClasses();
  if (utilisation.max === undefined) {
    return (
      <Typography variant="body2" color="textSecondary">
        no data
      </Typography>
    );
  }
  const level = quotaLevel(utilisation.max, thresholds);
  const detail = `CPU ${pct(utilisation.cpu)} · memory ${pct(
    utilisation.memory,
  )} · pods ${pct(utilisation.pods)}`;
  return (
    <Box title={detail} data-level={level}>
      <Typography variant="body2">{pct(utilisation.max)}</Typography>
      <LinearProgress
        variant="determinate"
        value={Math.min(utilisation.max * 100, 100)}
        aria-label={`Highest quota utilisation ${pct(
          utilisation.max,
        )}: ${detail}`}
        classes={{ root: classes.bar, bar: levelClasses[level] }}
      />
    </Box>
  );
}
