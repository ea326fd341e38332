import { z } from 'zod';
import { TENANCY_ANNOTATIONS } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import type { ReconcilerSummary } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { FluxReconcilerRecord } from '../types';
import {
  fluxHelmReleaseSchema,
  fluxKustomizationSchema,
} from './kubernetesSchemas';

type Kustomization = z.infer<typeof fluxKustomizationSchema>;
type HelmRelease = z.infer<typeof fluxHelmReleaseSchema>;
type FluxObject = Kustomization | HelmRelease;

/** The namespace of the platform's Kustomizations (`renderFluxBootstrap`). */
const PLATFORM_NAMESPACE = 'flux-system';
const PLATFORM_PREFIX = 'tenancy-';

/**
 * The engine-neutral state of a Flux object: `suspended` when
 * `spec.suspend` (its status keeps its last values), else by its `Ready`
 * condition: `ready` when True for the current generation, `progressing`
 * when Unknown, not yet observed for the current generation, or False only
 * waiting on a dependency, `failed` when False; `unknown` without one.
 */
function stateOf(
  object: FluxObject,
  ready:
    | NonNullable<NonNullable<FluxObject['status']>['conditions']>[number]
    | undefined,
): ReconcilerSummary['state'] {
  if (object.spec.suspend) return 'suspended';
  if (!ready) return 'unknown';
  const generation = object.metadata.generation;
  if (
    generation !== undefined &&
    ready.observedGeneration !== undefined &&
    ready.observedGeneration < generation
  ) {
    return 'progressing';
  }
  if (ready.status === 'True') return 'ready';
  if (ready.status === 'Unknown') return 'progressing';
  return ready.reason === 'DependencyNotReady' ? 'progressing' : 'failed';
}

function common(
  kind: 'Kustomization' | 'HelmRelease',
  cluster: string,
  object: FluxObject,
  revision: string | undefined,
): FluxReconcilerRecord {
  const ready = object.status?.conditions?.find(c => c.type === 'Ready');
  return {
    engine: 'flux',
    kind,
    cluster,
    name: object.metadata.name,
    namespace: object.metadata.namespace,
    state: stateOf(object, ready),
    revision,
    message: ready?.message || undefined,
    lastTransitionAt: ready?.lastTransitionTime,
  };
}

/**
 * A Kustomization as a reconciler: revision `status.lastAppliedRevision`;
 * deploying into `spec.targetNamespace`, or, for the platform's
 * `flux-system/tenancy-<tenant>-<environment>` labelled with
 * `tenancy.io/tenant` and `tenancy.io/environment`, into the tenant's
 * namespaces of that environment. Other Kustomizations without a
 * `targetNamespace` deploy where their manifests say, unknown here: placed
 * nowhere.
 */
export function toFluxKustomization(
  cluster: string,
  object: Kustomization,
): FluxReconcilerRecord {
  const record = common(
    'Kustomization',
    cluster,
    object,
    object.status?.lastAppliedRevision,
  );
  if (object.spec.targetNamespace) {
    record.targetNamespace = object.spec.targetNamespace;
    return record;
  }
  const labels = object.metadata.labels ?? {};
  const tenant = labels[TENANCY_ANNOTATIONS.tenant];
  const environment = labels[TENANCY_ANNOTATIONS.environment];
  if (
    object.metadata.namespace === PLATFORM_NAMESPACE &&
    tenant &&
    environment &&
    object.metadata.name === `${PLATFORM_PREFIX}${tenant}-${environment}`
  ) {
    record.platform = { tenant, environment };
  }
  return record;
}

/**
 * A HelmRelease as a reconciler: revision the chart version of the release
 * deployed (`status.history[0].chartVersion`, the latest first), else the
 * one last tried (`status.lastAttemptedRevision`); deploying into
 * `spec.targetNamespace`, else its own namespace.
 */
export function toFluxHelmRelease(
  cluster: string,
  object: HelmRelease,
): FluxReconcilerRecord {
  const record = common(
    'HelmRelease',
    cluster,
    object,
    object.status?.history?.[0]?.chartVersion ??
      object.status?.lastAttemptedRevision,
  );
  record.targetNamespace =
    object.spec.targetNamespace || object.metadata.namespace;
  return record;
}
