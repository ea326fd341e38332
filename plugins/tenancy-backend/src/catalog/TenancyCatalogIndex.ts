import { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_HAS_PART,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  isTenantEntity,
  TENANCY_ANNOTATIONS,
  TENANT_KIND,
  TenantEntityV1alpha1,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';

/** Entity types of the tenancy parts: namespaces and vClusters. */
export const PART_TYPES = ['kubernetes-namespace', 'vcluster'] as const;

/** A namespace or vCluster entity, with where it lives. */
export interface TenancyPart {
  entity: Entity;
  ref: string;
  type: (typeof PART_TYPES)[number];
  cluster: string;
  namespace: string;
  environment?: string;
}

class Snapshot {
  readonly byRef = new Map<string, Entity>();
  readonly parts = new Map<string, TenancyPart>();
  readonly tenants: TenantEntityV1alpha1[];
  private readonly partsByTenant = new Map<string, TenancyPart[]>();

  constructor(tenants: Entity[], parts: Entity[]) {
    this.tenants = tenants.filter(isTenantEntity);
    for (const t of this.tenants) this.byRef.set(stringifyEntityRef(t), t);
    for (const entity of parts) {
      const ref = stringifyEntityRef(entity);
      this.byRef.set(ref, entity);
      const annotations = entity.metadata.annotations ?? {};
      const cluster = annotations[TENANCY_ANNOTATIONS.kubernetesCluster];
      if (!cluster) continue;
      const part: TenancyPart = {
        entity,
        ref,
        type: entity.spec?.type as TenancyPart['type'],
        cluster,
        namespace:
          annotations[TENANCY_ANNOTATIONS.kubernetesNamespace] ??
          entity.metadata.name,
        environment: annotations[TENANCY_ANNOTATIONS.environment],
      };
      this.parts.set(ref, part);
    }
    for (const tenant of this.tenants) {
      const ref = stringifyEntityRef(tenant);
      const viaRelations = (tenant.relations ?? [])
        .filter(r => r.type === RELATION_HAS_PART)
        .map(r => this.parts.get(r.targetRef))
        .filter((p): p is TenancyPart => !!p);
      this.partsByTenant.set(ref, viaRelations);
    }
  }

  partsOf(tenantRef: string): TenancyPart[] {
    return this.partsByTenant.get(tenantRef) ?? [];
  }
}

/** A snapshot this old that lacks the entity asked for is read again first. */
const MISS_RELOAD_MS = 1_000;

/**
 * This replica's in-memory copy of the tenancy entities of the catalog,
 * read with the plugin's own credentials at most every `maxAgeMs` and
 * served stale while it refreshes, so requests never wait on the catalog
 * after the first, except a request for an entity the copy lacks: that one
 * waits for a fresh read (an entity the catalog has just ingested, e.g.
 * right after start-up), at most once a second.
 */
export class TenancyCatalogIndex {
  private snapshot?: Snapshot;
  private loadedAt = 0;
  private loading?: Promise<Snapshot>;

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly maxAgeMs = 15_000,
  ) {}

  /**
   * The copy; with `needed`, an entity ref the caller looks up, a copy
   * without it is read again unless it is less than a second old.
   */
  async current(needed?: string): Promise<Snapshot> {
    const age = Date.now() - this.loadedAt;
    const missing =
      needed !== undefined &&
      this.snapshot !== undefined &&
      !this.snapshot.byRef.has(needed) &&
      age >= MISS_RELOAD_MS;
    if (this.snapshot && age < this.maxAgeMs && !missing) return this.snapshot;
    this.loading ??= this.load().finally(() => {
      this.loading = undefined;
    });
    if (this.snapshot && !missing) {
      this.loading.catch(() => {});
      return this.snapshot;
    }
    return this.loading;
  }

  private async load(): Promise<Snapshot> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const [tenants, parts] = await Promise.all([
      this.catalog.getEntities(
        { filter: { kind: TENANT_KIND } },
        { credentials },
      ),
      this.catalog.getEntities(
        { filter: { kind: 'Resource', 'spec.type': [...PART_TYPES] } },
        { credentials },
      ),
    ]);
    this.snapshot = new Snapshot(tenants.items, parts.items);
    this.loadedAt = Date.now();
    return this.snapshot;
  }
}

export type { Snapshot as TenancyCatalogSnapshot };
