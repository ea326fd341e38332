import { stringifyEntityRef } from '@backstage/catalog-model';
import { getTenantOwnerRef } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { TenancyPart } from '../catalog/TenancyCatalogIndex';
import { FluxReconcilerRecord } from '../sources/types';
import { entityPath } from './entityPath';
import { StateContext } from './StateContext';
import { TenancyNotice } from './TenancyNotifier';

interface Failing {
  tenantRef: string;
  owner: string;
  /** The namespace it deploys into; none for the tenant's Kustomization of an environment. */
  part?: TenancyPart;
  object: FluxReconcilerRecord;
  id: string;
}

/**
 * To a tenant's owners: a Flux Kustomization or HelmRelease deploying into
 * the tenant's namespaces (as its pages show them) that is failing
 * (`Ready` `False`) and has not been ready for `degradedAfter`, once per
 * spell. A spell lasts while the object is not ready: between retries a
 * failing health check shows `Ready` `Unknown` (progressing), which does not
 * end it; a suspended object, paused on purpose, does. The Flux
 * counterpart of a degraded Argo CD application, the same kind
 * (`applicationDegraded`). The tenant's Kustomization of an environment is
 * told once, linked to the tenant; an object targeting one namespace, linked
 * to that namespace.
 */
export async function failedFluxObjects(
  ctx: StateContext,
): Promise<TenancyNotice[]> {
  const failing = new Map<string, Failing>();
  for (const tenant of ctx.catalog.tenants) {
    const tenantRef = stringifyEntityRef(tenant);
    for (const part of ctx.catalog.partsOf(tenantRef)) {
      const objects = ctx.data.fluxReconcilers(
        part.cluster,
        part.namespace,
        tenant.metadata.name,
        part.environment,
      );
      for (const object of objects) {
        if (object.state === 'ready' || object.state === 'suspended') continue;
        const id = `${object.cluster}/${object.namespace}/${object.kind}/${object.name}`;
        const key = `${tenantRef}|${id}`;
        if (failing.has(key)) continue;
        failing.set(key, {
          tenantRef,
          owner: getTenantOwnerRef(tenant),
          part: object.platform ? undefined : part,
          object,
          id,
        });
      }
    }
  }
  const since = await ctx.state.since(
    'fluxFailed',
    new Set([...failing.values()].map(f => f.id)),
    ctx.now,
  );
  return [...failing.values()].flatMap(f => {
    const from = since.get(f.id)!;
    const elapsed = ctx.now.getTime() - from.getTime();
    const { object } = f;
    if (object.state !== 'failed' || elapsed < ctx.options.degradedAfterMs) {
      return [];
    }
    return [
      {
        kind: 'applicationDegraded' as const,
        recipients: [f.owner],
        title: `Flux ${object.kind} ${
          object.name
        } has not been ready for ${Math.round(elapsed / 60_000)} minutes`,
        description: `Flux on ${object.cluster}, ${object.namespace}: ${
          object.message ?? 'Ready is False'
        }`,
        link: entityPath(f.part?.ref ?? f.tenantRef),
        key: `fluxFailed:${f.tenantRef}:${f.id}:${from.toISOString()}`,
        severity: 'high' as const,
      },
    ];
  });
}
