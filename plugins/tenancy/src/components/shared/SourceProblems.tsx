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
 * data, and which of the entity's own settings (annotations) chose nothing.
 * Renders nothing when all of them are fresh and fine.
 */
export function SourceProblems(props: {
  response: { errors: SourceError[]; sources: SourceStatus[] };
  kinds: SourceKind[];
}) {
  const problems = describeSourceProblems(props.response, props.kinds);
  if (problems.length === 0) return null;
  const anyMissing = problems.some(p => p.severity === 'error');
  const anyStale = problems.some(p => p.severity === 'warning');
  let title = "Some of this entity's settings could not be used";
  if (anyStale) title = 'Part of this data is out of date';
  if (anyMissing) title = 'Part of this data is unavailable';
  return (
    <Box mb={2} data-testid="source-problems">
      <WarningPanel
        defaultExpanded
        severity={anyMissing ? 'error' : 'warning'}
        title={title}
      >
        {problems.map(p => (
          <Typography key={`${p.severity}:${p.source}`} variant="body2">
            {p.text}
          </Typography>
        ))}
      </WarningPanel>
    </Box>
  );
}
