import { z } from 'zod';
import { parseUpstream } from '../../upstream/parseUpstream';
import { FluxReconcilerRecord, FluxSnapshot, Source } from '../types';
import { KubernetesBackendClient } from './KubernetesBackendClient';
import {
  fluxHelmReleaseSchema,
  fluxKustomizationSchema,
  fluxListSchema,
} from './kubernetesSchemas';
import { listAll } from './listAll';
import { toFluxHelmRelease, toFluxKustomization } from './toFluxReconciler';

/** The path of the Kustomizations of all namespaces. */
export const FLUX_KUSTOMIZATIONS_PATH =
  '/apis/kustomize.toolkit.fluxcd.io/v1/kustomizations';
/** The path of the HelmReleases of all namespaces. */
export const FLUX_HELMRELEASES_PATH =
  '/apis/helm.toolkit.fluxcd.io/v2/helmreleases';

async function listObjects<S extends z.ZodType, R>(
  kubernetes: KubernetesBackendClient,
  cluster: string,
  path: string,
  kind: string,
  schema: S,
  toRecord: (cluster: string, object: z.infer<S>) => R,
): Promise<R[]> {
  const items = await listAll(
    kubernetes,
    cluster,
    path,
    fluxListSchema,
    `${kind}List`,
  );
  return items.map(item =>
    toRecord(
      cluster,
      parseUpstream(
        schema,
        item,
        `${kind} ${item.metadata.namespace ?? '?'}/${
          item.metadata.name ?? '?'
        }`,
      ),
    ),
  );
}

/**
 * One Flux cluster's Kustomizations (`kustomize.toolkit.fluxcd.io/v1`) and
 * HelmReleases (`helm.toolkit.fluxcd.io/v2`), each listed once for all
 * namespaces (in pages of 500) through the Kubernetes backend's proxy. A
 * cluster without the Flux CRDs answers 404, which fails this source only.
 */
export class FluxSource implements Source<'flux'> {
  readonly kind = 'flux' as const;
  readonly id: string;

  constructor(
    readonly name: string,
    private readonly kubernetes: KubernetesBackendClient,
  ) {
    this.id = `flux:${name}`;
  }

  async fetch(): Promise<FluxSnapshot> {
    const { kubernetes, name: cluster } = this;
    const [kustomizations, helmReleases] = await Promise.all([
      listObjects(
        kubernetes,
        cluster,
        FLUX_KUSTOMIZATIONS_PATH,
        'Kustomization',
        fluxKustomizationSchema,
        toFluxKustomization,
      ),
      listObjects(
        kubernetes,
        cluster,
        FLUX_HELMRELEASES_PATH,
        'HelmRelease',
        fluxHelmReleaseSchema,
        toFluxHelmRelease,
      ),
    ]);
    const reconcilers: FluxReconcilerRecord[] = [
      ...kustomizations,
      ...helmReleases,
    ];
    return { cluster, reconcilers };
  }
}
