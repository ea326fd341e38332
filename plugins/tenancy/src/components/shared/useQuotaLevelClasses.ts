import { makeStyles } from '@material-ui/core/styles';

/** Bar colours per quota level, for `LinearProgress`'s `bar` class. */
export const useQuotaLevelClasses = makeStyles(theme => ({
  ok: { backgroundColor: theme.palette.success.main },
  warning: { backgroundColor: theme.palette.warning.main },
  danger: { backgroundColor: theme.palette.error.main },
  unknown: { backgroundColor: theme.palette.grey[500] },
}));
