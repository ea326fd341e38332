import type {
  ArgoApplicationSummary,
  ReconcilerSummary,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import type { FluxReconcilerRecord } from '../sources/types';

/**
 * The engine-neutral state of an Argo CD application: by health first
 * (`Degraded`/`Missing` failed, `Suspended`, `Progressing`, `Unknown`), then
 * by sync (`Healthy` and `Synced` ready, `OutOfSync` outOfSync).
 */
function argoState(app: ArgoApplicationSummary): ReconcilerSummary['state'] {
  switch (app.health) {
    case 'Degraded':
    case 'Missing':
      return 'failed';
    case 'Suspended':
      return 'suspended';
    case 'Progressing':
      return 'progressing';
    case 'Healthy':
      if (app.sync === 'Synced') return 'ready';
      return app.sync === 'OutOfSync' ? 'outOfSync' : 'unknown';
    default:
      return 'unknown';
  }
}

/** An Argo CD application as a reconciler. */
export function argoReconcilerSummary(
  app: ArgoApplicationSummary,
): ReconcilerSummary {
  return {
    engine: 'argocd',
    kind: 'Application',
    name: app.name,
    namespace: app.appNamespace,
    instance: app.instance,
    state: argoState(app),
    revision: app.revisions[0],
    message: app.healthMessage,
  };
}

/** What the API shows of a Flux object: its record without the placement data. */
export function fluxReconcilerSummary(
  record: FluxReconcilerRecord,
): ReconcilerSummary {
  const { targetNamespace, platform, ...summary } = record;
  return summary;
}
