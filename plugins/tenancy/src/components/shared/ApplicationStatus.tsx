import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';

/** Argo CD sync status with a status colour. */
export function SyncStatus(props: { sync: string }) {
  const { sync } = props;
  if (sync === 'Synced') return <StatusOK>Synced</StatusOK>;
  if (sync === 'OutOfSync') return <StatusWarning>OutOfSync</StatusWarning>;
  return <StatusAborted>{sync}</StatusAborted>;
}

/** Argo CD health status with a status colour. */
export function HealthStatus(props: { health: string; message?: string }) {
  const { health, message } = props;
  const text = message ? `${health}: ${message}` : health;
  switch (health) {
    case 'Healthy':
      return <StatusOK>{text}</StatusOK>;
    case 'Progressing':
      return <StatusPending>{text}</StatusPending>;
    case 'Degraded':
    case 'Missing':
      return <StatusError>{text}</StatusError>;
    case 'Suspended':
      return <StatusWarning>{text}</StatusWarning>;
    default:
      return <StatusAborted>{text}</StatusAborted>;
  }
}
