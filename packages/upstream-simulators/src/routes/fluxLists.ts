import { FluxFaults, FluxGroup } from '../SimulatorControls';
import {
  fluxHelmReleaseObject,
  fluxKustomizationObject,
} from '../world/fluxStatus';
import { FLUX_NAMESPACE } from '../world/fluxObjects';
import { SimulatedFluxKustomization } from '../world/SimulatedWorld';
import { ListContext, SimulatedList } from './SimulatedList';

const faultsOf = (ctx: ListContext): FluxFaults =>
  ctx.controls.flux[ctx.cluster.name] ?? {};

/** Installed where Flux runs and the `flux` control leaves the group's CRDs. */
const servedFor = (group: FluxGroup) => (ctx: ListContext) =>
  ctx.cluster.gitopsEngine === 'flux' &&
  !(faultsOf(ctx).absent ?? []).includes(group);

const forbiddenFor = (group: FluxGroup) => (ctx: ListContext) =>
  (faultsOf(ctx).forbidden ?? []).includes(group);

const malformedFor =
  (group: FluxGroup) => (ctx: ListContext, items: unknown[]) => {
    if (!(faultsOf(ctx).malformed ?? []).includes(group) || !items.length) {
      return items;
    }
    const [first, ...rest] = items as Array<{
      status: { conditions: unknown[] };
    }>;
    return [
      {
        ...first,
        status: { ...first.status, conditions: first.status.conditions[0] },
      },
      ...rest,
    ];
  };

/** A Kustomization's `<namespace>/<name>`. */
const keyOf = (k: SimulatedFluxKustomization) =>
  `${k.namespace ?? FLUX_NAMESPACE}/${k.name}`;

/**
 * The Kustomizations each Flux cluster first listed, by cluster: those that
 * appear later (a tenant and environment, or a namespace folder's delivery,
 * merged while the simulators run) are the fresh ones, Ready as Flux has
 * just applied them. Kept per server (`ListContext.seen`).
 */
function initialKustomizations(ctx: ListContext): Set<string> {
  const seen = ctx.seen ?? new Map<string, Set<string>>();
  const key = `flux-kustomizations:${ctx.cluster.name}`;
  if (!seen.has(key)) {
    seen.set(key, new Set((ctx.cluster.flux?.kustomizations ?? []).map(keyOf)));
  }
  return seen.get(key)!;
}

/**
 * Flux's lists on a cluster reconciled by Flux (`gitopsEngine: 'flux'`):
 * the platform's Kustomizations (`kustomize.toolkit.fluxcd.io/v1`) in
 * `flux-system`, the tenants' own (a namespace folder's delivery) in their
 * namespaces, and the HelmReleases (`helm.toolkit.fluxcd.io/v2`) of its
 * vCluster folders. On other clusters their CRDs are not installed: 404.
 * The `flux` control removes a group's CRDs (404), forbids its lists (403)
 * or makes its first item's `status.conditions` an object.
 */
export const FLUX_LISTS: SimulatedList[] = [
  {
    group: 'apis/kustomize.toolkit.fluxcd.io/v1',
    resource: 'kustomizations',
    kind: 'KustomizationList',
    served: servedFor('kustomize.toolkit.fluxcd.io'),
    forbidden: forbiddenFor('kustomize.toolkit.fluxcd.io'),
    finish: malformedFor('kustomize.toolkit.fluxcd.io'),
    items: (ctx, ns) => {
      const initial = initialKustomizations(ctx);
      return (ctx.cluster.flux?.kustomizations ?? [])
        .filter(k => (k.namespace ?? FLUX_NAMESPACE) === ns.name)
        .map(k =>
          fluxKustomizationObject(ctx.cluster.name, k, !initial.has(keyOf(k))),
        );
    },
  },
  {
    group: 'apis/helm.toolkit.fluxcd.io/v2',
    resource: 'helmreleases',
    kind: 'HelmReleaseList',
    served: servedFor('helm.toolkit.fluxcd.io'),
    forbidden: forbiddenFor('helm.toolkit.fluxcd.io'),
    finish: malformedFor('helm.toolkit.fluxcd.io'),
    items: (ctx, ns) =>
      (ctx.cluster.flux?.helmReleases ?? [])
        .filter(h => h.namespace === ns.name)
        .map(h => fluxHelmReleaseObject(ctx.cluster.name, h)),
  },
];
