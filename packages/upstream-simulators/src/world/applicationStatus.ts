import { hashFraction } from './hash';

/** Sync and health of a simulated application, stable per name. */
export interface SimulatedApplicationStatus {
  sync: 'Synced' | 'OutOfSync';
  health: 'Healthy' | 'Progressing' | 'Degraded' | 'Missing';
  healthMessage?: string;
  operationPhase: 'Succeeded' | 'Running' | 'Failed';
  revision: string;
}

/** 40 hex digits derived from `text`, as a Git commit SHA. */
export function sha(text: string): string {
  let out = '';
  for (let i = 0; out.length < 40; i++) {
    out += Math.floor(hashFraction(`${text}:${i}`) * 2 ** 32)
      .toString(16)
      .padStart(8, '0');
  }
  return out.slice(0, 40);
}

/** Mostly Synced and Healthy; some OutOfSync, Degraded, Progressing or Missing. */
export function applicationStatus(
  instance: string,
  name: string,
): SimulatedApplicationStatus {
  const r = hashFraction(`status:${instance}/${name}`);
  const revision = sha(`${instance}/${name}`);
  if (r < 0.75) {
    return {
      sync: 'Synced',
      health: 'Healthy',
      operationPhase: 'Succeeded',
      revision,
    };
  }
  if (r < 0.85) {
    return {
      sync: 'OutOfSync',
      health: 'Healthy',
      operationPhase: 'Succeeded',
      revision,
    };
  }
  if (r < 0.92) {
    return {
      sync: 'Synced',
      health: 'Degraded',
      healthMessage: `Deployment "${name}" exceeded its progress deadline`,
      operationPhase: 'Succeeded',
      revision,
    };
  }
  if (r < 0.97) {
    return {
      sync: 'OutOfSync',
      health: 'Progressing',
      healthMessage: `Waiting for rollout to finish: 1 of 3 updated replicas are available...`,
      operationPhase: 'Running',
      revision,
    };
  }
  return {
    sync: 'OutOfSync',
    health: 'Missing',
    operationPhase: 'Failed',
    revision,
  };
}

/**
 * An application of a namespace folder merged while the simulators run: Argo
 * CD has applied the new folder, so it is Synced and Healthy (the stable
 * spread of `applicationStatus` is for the fleet the simulators start with).
 */
export function freshApplicationStatus(
  instance: string,
  name: string,
): SimulatedApplicationStatus {
  return {
    sync: 'Synced',
    health: 'Healthy',
    operationPhase: 'Succeeded',
    revision: sha(`${instance}/${name}`),
  };
}
