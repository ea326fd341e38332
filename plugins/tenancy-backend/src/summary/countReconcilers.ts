import type {
  ReconcilerCounts,
  ReconcilerSummary,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';

const identity = (r: ReconcilerSummary) =>
  [r.engine, r.cluster ?? r.instance, r.kind, r.namespace, r.name].join('/');

/**
 * Counts reconcilers of both engines by state, each object once (a
 * platform Kustomization deploys into several namespaces).
 */
export function countReconcilers(
  reconcilers: ReconcilerSummary[],
): ReconcilerCounts {
  const unique = new Map(reconcilers.map(r => [identity(r), r]));
  const all = [...unique.values()];
  return {
    total: all.length,
    notReady: all.filter(r => r.state !== 'ready').length,
    failed: all.filter(r => r.state === 'failed').length,
  };
}
