import { FleetData } from '../snapshots/FleetData';

/** What the last refresh says of a requested namespace, with when it saw it. */
export interface Readiness {
  /** When its cluster's namespace list last had it `Active`. */
  active?: string;
  /** When every Argo CD application deploying into it was `Synced`. */
  synced?: string;
  /** When every such application was `Healthy`. */
  healthy?: string;
  /** Active and, where Argo CD deploys into it, synced and healthy now. */
  ready: boolean;
}

const latest = (times: Array<string | undefined>, fallback: string) =>
  times.reduce<string>((a, b) => (b && b > a ? b : a), '') || fallback;

/**
 * Reads a namespace's readiness from the snapshots the source refresh
 * stored (no upstream call): the time of each state is the last success of
 * the source that reported it, so it is as precise as the refresh schedule.
 * Without applications deploying into the namespace, Argo CD reports
 * nothing and active is ready.
 */
export function observeReadiness(
  fleet: FleetData,
  cluster: string,
  namespace: string,
  now: Date,
): Readiness {
  if (fleet.quota(cluster, namespace)?.phase !== 'Active')
    return { ready: false };
  const fallback = now.toISOString();
  const active = fleet.observedAt(cluster) ?? fallback;
  const apps = fleet.applications(cluster, namespace);
  if (apps.length === 0) return { active, ready: true };
  const argoAt = latest(
    fleet
      .statuses(now, [...new Set(apps.map(a => `argocd:${a.instance}`))])
      .map(s => s.lastSuccessAt),
    fallback,
  );
  const synced = apps.every(a => a.sync === 'Synced') ? argoAt : undefined;
  const healthy = apps.every(a => a.health === 'Healthy') ? argoAt : undefined;
  return { active, synced, healthy, ready: !!synced && !!healthy };
}
