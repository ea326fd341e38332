import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
} from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { HealthStatus, SyncStatus } from '../shared/ApplicationStatus';
import { ExternalLink } from '../shared/ExternalLink';
import { SourceProblems } from '../shared/SourceProblems';
import { useEntitySummary } from '../shared/useEntitySummary';
import { VClusterChartVersion, VClusterStatus } from '../VClusterState';

/**
 * A vCluster's state at the last refresh: its control plane ready, not
 * ready or sleeping, the chart version deployed against the platform's
 * pinned one, its Kubernetes version, and the Argo CD state of the chart's
 * application.
 *
 * @public
 */
export function EntityVClusterStateCard() {
  const { value, error } = useEntitySummary();
  const title = 'vCluster state';
  if (error) {
    return (
      <ResponseErrorPanel
        title="Could not load the vCluster state"
        error={error}
      />
    );
  }
  if (!value) {
    return (
      <InfoCard title={title}>
        <Progress />
      </InfoCard>
    );
  }
  const state = value.namespaces[0]?.vcluster;
  let body;
  if (!state) {
    body = (
      <Typography variant="body2">
        Not reported yet: the vCluster control planes of its cluster have not
        been read.
      </Typography>
    );
  } else {
    const app = state.application;
    body = (
      <StructuredMetadataTable
        metadata={{
          Status: <VClusterStatus state={state} />,
          'Chart version': <VClusterChartVersion state={state} />,
          'Pinned chart version': state.pinnedChartVersion,
          Kubernetes: state.kubernetesVersion ?? '—',
          'Argo CD': app ? (
            <>
              <ExternalLink
                href={app.url}
                title={`Open ${app.name} in Argo CD`}
              >
                {app.name}
              </ExternalLink>{' '}
              <SyncStatus sync={app.sync} />{' '}
              <HealthStatus health={app.health} message={app.healthMessage} />
            </>
          ) : (
            'No application of the chart'
          ),
        }}
      />
    );
  }
  return (
    <InfoCard title={title}>
      <SourceProblems response={value} kinds={['vcluster', 'argocd']} />
      {body}
    </InfoCard>
  );
}
