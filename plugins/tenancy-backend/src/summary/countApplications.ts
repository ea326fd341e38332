import { ApplicationCounts } from '@tenancy-plugins/backstage-plugin-tenancy-common';

/** Counts applications by sync and health state. */
export function countApplications(
  apps: Array<{ sync: string; health: string }>,
): ApplicationCounts {
  return {
    total: apps.length,
    outOfSync: apps.filter(a => a.sync === 'OutOfSync').length,
    degraded: apps.filter(
      a => a.health === 'Degraded' || a.health === 'Missing',
    ).length,
    progressing: apps.filter(a => a.health === 'Progressing').length,
  };
}
