import { WarningPanel } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  SourceError,
  SourceKind,
  SourceStatus,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { describeSourceProblems } from './describeSourceProblems';

/**
 * Tells honestly which upstream sources behind a card failed or serve old
 * data. Renders nothing when all of them are fresh.
 */
export function SourceProblems(props: {
  response: { errors: SourceError[]; sources: SourceStatus[] };
  kinds: SourceKind[];
}) {
  const problems = describeSourceProblems(props.response, props.kinds);
  if (problems.length === 0) return null;
  const anyMissing = problems.some(p => p.severity === 'error');
  return (
    <Box mb={2} data-testid="source-problems">
      <WarningPanel
        defaultExpanded
        severity={anyMissing ? 'error' : 'warning'}
        title={
          anyMissing
            ? 'Part of this data is unavailable'
            : 'Part of this data is out of date'
        }
      >
        {problems.map(p => (
          <Typography key={p.source} variant="body2">
            {p.text}
          </Typography>
        ))}
      </WarningPanel>
    </Box>
  );
}
