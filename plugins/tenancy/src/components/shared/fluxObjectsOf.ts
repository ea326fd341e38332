import {
  NamespaceSummary,
  ReconcilerSummary,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';

/** A Flux object and the namespace or vCluster entity it deploys into. */
export interface FluxObjectRow {
  reconciler: ReconcilerSummary;
  /** The first namespace entity it deploys into. */
  entityRef: string;
  /**
   * Whether the object lives in that namespace, so that the namespace's
   * Kubernetes tab shows it (the platform's Kustomizations live in
   * `flux-system`, which no tenant entity shows).
   */
  inNamespace: boolean;
}

/**
 * The Flux Kustomizations and HelmReleases deploying into the namespaces,
 * each once (one object may deploy into several namespaces), failed first.
 */
export function fluxObjectsOf(namespaces: NamespaceSummary[]): FluxObjectRow[] {
  const rows = new Map<string, FluxObjectRow>();
  for (const ns of namespaces) {
    for (const reconciler of ns.reconcilers ?? []) {
      if (reconciler.engine !== 'flux') continue;
      const key = [
        reconciler.cluster ?? ns.cluster,
        reconciler.namespace ?? '',
        reconciler.kind,
        reconciler.name,
      ].join('/');
      if (!rows.has(key)) {
        rows.set(key, {
          reconciler,
          entityRef: ns.entityRef,
          inNamespace: reconciler.namespace === ns.namespace,
        });
      }
    }
  }
  const rank = (r: ReconcilerSummary) =>
    [
      'failed',
      'unknown',
      'progressing',
      'suspended',
      'outOfSync',
      'ready',
    ].indexOf(r.state);
  return [...rows.values()].sort(
    (a, b) =>
      rank(a.reconciler) - rank(b.reconciler) ||
      a.reconciler.name.localeCompare(b.reconciler.name),
  );
}
