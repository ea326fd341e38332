import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ApplicationsTable } from '../shared/ApplicationsTable';
import { SourceProblems } from '../shared/SourceProblems';
import { useEntitySummary } from '../shared/useEntitySummary';

/**
 * The Argo CD applications deploying into a namespace or vCluster, or into
 * any namespace of a Tenant, with sync and health state.
 *
 * @public
 */
export function EntityArgoApplicationsCard() {
  const { value, error } = useEntitySummary();
  if (error) {
    return (
      <ResponseErrorPanel
        title="Could not load the Argo CD applications"
        error={error}
      />
    );
  }
  if (!value) {
    return (
      <InfoCard title="Argo CD applications">
        <Progress />
      </InfoCard>
    );
  }
  const applications = value.namespaces.flatMap(ns => ns.applications);
  const { total, outOfSync, degraded, progressing } = value.totals.applications;
  return (
    <InfoCard
      title="Argo CD applications"
      subheader={`${total} in total · ${outOfSync} out of sync · ${degraded} degraded · ${progressing} progressing`}
    >
      <SourceProblems response={value} kinds={['argocd']} />
      <ApplicationsTable
        applications={applications}
        caption="Argo CD applications in these namespaces"
      />
      {value.otherApplications.length > 0 && (
        <Box mt={2}>
          <Typography variant="subtitle2" component="h3">
            Also of this tenant, deploying elsewhere (e.g. into a vCluster)
          </Typography>
          <ApplicationsTable
            applications={value.otherApplications}
            caption="Argo CD applications of this tenant deploying elsewhere"
          />
        </Box>
      )}
    </InfoCard>
  );
}
