import Typography from '@material-ui/core/Typography';
import { VClusterState } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { VClusterChartVersion } from './VClusterChartVersion';
import { VClusterStatus } from './VClusterStatus';

/** One line of a vCluster's state: status, chart version (behind marked) and Kubernetes version. */
export function VClusterStateSummary(props: { state?: VClusterState }) {
  const { state } = props;
  if (!state) {
    return (
      <Typography variant="body2" color="textSecondary">
        vCluster state unavailable.
      </Typography>
    );
  }
  return (
    <Typography variant="body2" component="div">
      <VClusterStatus state={state} /> · chart{' '}
      <VClusterChartVersion state={state} />
      {state.kubernetesVersion && ` · Kubernetes ${state.kubernetesVersion}`}
    </Typography>
  );
}
