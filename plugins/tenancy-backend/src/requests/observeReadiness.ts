import { FleetData } from '../snapshots/FleetData';

/** What the last refresh says of a requested namespace, with when it saw it. */
export interface Readiness {
  /** When its cluster's namespace list last had it `Active`. */
  active?: string;
  /**
   * When every Argo CD application deploying into it was `Synced`; on a
   * Flux cluster, when every Flux object deploying into it was `Ready`
   * (applied: Flux's `Ready` covers both).
   */
  synced?: string;
  /** When every such application was `Healthy` (Flux: `Ready`). */
  healthy?: string;
  /** The engine whose objects deploy into it, when any do. */
  engine?: 'argocd' | 'flux';
  /** Active and, where an engine deploys into it, synced and healthy now. */
  ready: boolean;
}

const latest = (times: Array<string | undefined>, fallback: string) =>
  times.reduce<string>((a, b) => (b && b > a ? b : a), '') || fallback;

/**
 * Reads a namespace's readiness from the snapshots the source refresh
 * stored (no upstream call): the time of each state is the last success of
 * the source that reported it, so it is as precise as the refresh schedule.
 * On a Flux cluster the Flux objects deploying into it (those targeting it
 * and its tenant's Kustomization of the environment) must be `Ready`, which
 * Flux sets once it applied the revision and the health checks passed
 * (`wait: true`); suspended ones are left out, and a Flux cluster whose
 * objects were never read is not ready yet. Without any engine's objects
 * deploying into the namespace, active is ready.
 */
export function observeReadiness(
  fleet: FleetData,
  part: {
    cluster: string;
    namespace: string;
    tenant?: string;
    environment?: string;
  },
  now: Date,
): Readiness {
  const { cluster, namespace } = part;
  if (fleet.quota(cluster, namespace)?.phase !== 'Active')
    return { ready: false };
  const fallback = now.toISOString();
  const active = fleet.observedAt(cluster) ?? fallback;
  const [fluxSource] = fleet.statuses(now, [`flux:${cluster}`]);
  // A Flux cluster whose objects were never read: not known to be ready.
  if (fluxSource && !fluxSource.lastSuccessAt) return { active, ready: false };
  // A suspended object is paused on purpose: it neither makes nor blocks it.
  const flux = fleet
    .fluxReconcilers(cluster, namespace, part.tenant, part.environment)
    .filter(r => r.state !== 'suspended');
  if (flux.length > 0) {
    const fluxAt = latest([fluxSource?.lastSuccessAt], fallback);
    const ready = flux.every(r => r.state === 'ready');
    const at = ready ? fluxAt : undefined;
    return { active, synced: at, healthy: at, engine: 'flux', ready };
  }
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
  return {
    active,
    synced,
    healthy,
    engine: 'argocd',
    ready: !!synced && !!healthy,
  };
}
