import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import { ReconcilerSummary } from '@tenancy-plugins/backstage-plugin-tenancy-common';

const LABELS: Record<ReconcilerSummary['state'], string> = {
  ready: 'Ready',
  progressing: 'Progressing',
  outOfSync: 'Out of sync',
  failed: 'Failed',
  suspended: 'Suspended',
  unknown: 'Unknown',
};

/** A reconciler's engine-neutral state with a status colour. */
export function ReconcilerStateStatus(props: {
  state: ReconcilerSummary['state'];
}) {
  const { state } = props;
  const text = LABELS[state];
  switch (state) {
    case 'ready':
      return <StatusOK>{text}</StatusOK>;
    case 'progressing':
      return <StatusPending>{text}</StatusPending>;
    case 'failed':
      return <StatusError>{text}</StatusError>;
    case 'outOfSync':
    case 'suspended':
      return <StatusWarning>{text}</StatusWarning>;
    default:
      return <StatusAborted>{text}</StatusAborted>;
  }
}
