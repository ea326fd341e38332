import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
} from '@backstage/core-components';
import { VClusterState } from '@tenancy-plugins/backstage-plugin-tenancy-common';

/** A vCluster's control plane status with a status colour. */
export function VClusterStatus(props: { state: VClusterState }) {
  const { status, readyReplicas, replicas } = props.state;
  switch (status) {
    case 'ready':
      return <StatusOK>Ready</StatusOK>;
    case 'sleeping':
      return <StatusPending>Sleeping</StatusPending>;
    case 'notReady':
      return (
        <StatusError>
          Not ready ({readyReplicas}/{replicas})
        </StatusError>
      );
    default:
      return <StatusAborted>Not found on its cluster</StatusAborted>;
  }
}
