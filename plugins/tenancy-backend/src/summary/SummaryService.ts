import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  CostWindow,
  EntitySummary,
  FleetResponse,
  FleetTenant,
  getTenantOwnerRef,
  isTenantEntity,
  NamespaceSummary,
  SourceError,
  SourceStatus,
  SourcesResponse,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import {
  TenancyCatalogIndex,
  TenancyCatalogSnapshot,
  TenancyPart,
} from '../catalog/TenancyCatalogIndex';
import {
  createVisibilityCheck,
  VisibilityCheck,
} from '../permissions/createVisibilityCheck';
import { SharedAnswers } from './SharedAnswers';
import { FleetData } from '../snapshots/FleetData';
import { SnapshotReader } from '../snapshots/SnapshotReader';
import { sourceHasFailed } from '../snapshots/sourceHasFailed';
import { ArgoApplicationRecord } from '../sources/types';
import { countApplications } from './countApplications';
import { summarizeCost } from './summarizeCost';
import { sumQuota, summarizeQuota } from './summarizeQuota';
import { toApplicationSummary } from './toApplicationSummary';

function sourceErrors(statuses: SourceStatus[]): SourceError[] {
  return statuses.filter(sourceHasFailed).map(s => ({
    source: s.id,
    kind: s.kind,
    message: s.lastError ?? 'The last refresh failed',
  }));
}

/**
 * Applications of a tenant (by label or AppProject) that deploy outside the
 * given namespaces: to a vCluster's own API, or to a namespace without entity.
 */
function otherApplications(
  data: FleetData,
  tenant: string,
  parts: TenancyPart[],
): ArgoApplicationRecord[] {
  const placed = new Set(
    parts.flatMap(p => data.applications(p.cluster, p.namespace)),
  );
  return data.tenantApplications(tenant).filter(app => !placed.has(app));
}

function utilisation(quota: ReturnType<typeof sumQuota>, ...names: string[]) {
  return quota.find(q => names.includes(q.resource))?.utilisation;
}

/**
 * Answers the API's questions from memory: the catalog index for who and
 * what, the source snapshots for quota, cost and Argo CD state, and one
 * permission decision per request for what the caller may see.
 */
export class SummaryService {
  private fleetRows = new WeakMap<
    FleetData,
    WeakMap<TenancyCatalogSnapshot, Map<CostWindow, FleetTenant[]>>
  >();

  private readonly shared = new SharedAnswers();

  constructor(
    private readonly catalogIndex: TenancyCatalogIndex,
    private readonly reader: SnapshotReader,
    private readonly permissions: PermissionsService,
  ) {}

  private namespaceSummary(
    part: TenancyPart,
    data: FleetData,
    window: CostWindow,
  ): NamespaceSummary {
    const record = data.quota(part.cluster, part.namespace);
    const cost = data.cost(part.cluster, part.namespace);
    return {
      entityRef: part.ref,
      type: part.type,
      namespace: part.namespace,
      cluster: part.cluster,
      environment: part.environment,
      quota: record && {
        resources: summarizeQuota(record),
        limitRanges: record.limitRanges,
        phase: record.phase,
      },
      cost: cost && summarizeCost([cost], window),
      applications: data
        .applications(part.cluster, part.namespace)
        .map(toApplicationSummary),
    };
  }

  async entitySummary(
    ref: string,
    window: CostWindow,
    credentials: BackstageCredentials,
  ): Promise<EntitySummary> {
    const [catalog, data, visible] = await Promise.all([
      this.catalogIndex.current(),
      this.reader.current(),
      createVisibilityCheck(this.permissions, credentials),
    ]);
    if (!visible.allowsAll) {
      return this.buildEntitySummary(ref, window, catalog, data, visible);
    }
    return this.shared.get(
      `summary:${ref}:${window}`,
      [catalog, data],
      async () => this.buildEntitySummary(ref, window, catalog, data, visible),
    );
  }

  private buildEntitySummary(
    ref: string,
    window: CostWindow,
    catalog: TenancyCatalogSnapshot,
    data: FleetData,
    visible: VisibilityCheck,
  ): EntitySummary {
    const entity = catalog.byRef.get(ref);
    if (!entity)
      throw new NotFoundError(`No tenant, namespace or vCluster entity ${ref}`);
    if (!visible(entity))
      throw new NotAllowedError(
        `Not allowed to read the tenancy summary of ${ref}`,
      );

    const parts = isTenantEntity(entity)
      ? catalog.partsOf(ref).filter(p => visible(p.entity))
      : [catalog.parts.get(ref)!].filter(Boolean);
    const namespaces = parts.map(p => this.namespaceSummary(p, data, window));
    const others = isTenantEntity(entity)
      ? otherApplications(data, entity.metadata.name, parts).map(
          toApplicationSummary,
        )
      : [];
    const costs = parts
      .map(p => data.cost(p.cluster, p.namespace))
      .filter((c): c is NonNullable<typeof c> => !!c);
    const statuses = data.statuses(
      new Date(),
      data.sourcesFor(new Set(parts.map(p => p.cluster))),
    );
    return {
      entityRef: ref,
      namespaces,
      totals: {
        quota: sumQuota(namespaces.map(n => n.quota?.resources ?? [])),
        cost: summarizeCost(costs, window),
        applications: countApplications([
          ...namespaces.flatMap(n => n.applications),
          ...others,
        ]),
      },
      otherApplications: others,
      generatedAt: new Date().toISOString(),
      errors: sourceErrors(statuses),
      sources: statuses,
      stale: statuses.some(s => s.stale),
    };
  }

  private rows(
    catalog: TenancyCatalogSnapshot,
    data: FleetData,
    window: CostWindow,
  ): FleetTenant[] {
    let byCatalog = this.fleetRows.get(data);
    if (!byCatalog) this.fleetRows.set(data, (byCatalog = new WeakMap()));
    let byWindow = byCatalog.get(catalog);
    if (!byWindow) byCatalog.set(catalog, (byWindow = new Map()));
    const cached = byWindow.get(window);
    if (cached) return cached;

    const rows = catalog.tenants.map(tenant => {
      const ref = stringifyEntityRef(tenant);
      const parts = catalog.partsOf(ref);
      const quota = sumQuota(
        parts.map(p => {
          const record = data.quota(p.cluster, p.namespace);
          return record ? summarizeQuota(record) : [];
        }),
      );
      const costs = parts
        .map(p => data.cost(p.cluster, p.namespace))
        .filter((c): c is NonNullable<typeof c> => !!c);
      const cpu = utilisation(quota, 'requests.cpu', 'cpu');
      const memory = utilisation(quota, 'requests.memory', 'memory');
      const pods = utilisation(quota, 'pods');
      const known = [cpu, memory, pods].filter(
        (u): u is number => u !== undefined,
      );
      return {
        entityRef: ref,
        name: tenant.metadata.name,
        title: tenant.metadata.title,
        owner: getTenantOwnerRef(tenant),
        costCenter: tenant.spec.costCenter,
        environments: tenant.spec.environments ?? [],
        namespaceCount: parts.filter(p => p.type === 'kubernetes-namespace')
          .length,
        vclusterCount: parts.filter(p => p.type === 'vcluster').length,
        quotaUtilisation: {
          cpu,
          memory,
          pods,
          max: known.length ? Math.max(...known) : undefined,
        },
        cost: summarizeCost(costs, window)?.total,
        applications: countApplications([
          ...parts.flatMap(p => data.applications(p.cluster, p.namespace)),
          ...otherApplications(data, tenant.metadata.name, parts),
        ]),
      };
    });
    rows.sort((a, b) => a.entityRef.localeCompare(b.entityRef));
    byWindow.set(window, rows);
    return rows;
  }

  async fleet(
    window: CostWindow,
    credentials: BackstageCredentials,
  ): Promise<FleetResponse> {
    const [catalog, data, visible] = await Promise.all([
      this.catalogIndex.current(),
      this.reader.current(),
      createVisibilityCheck(this.permissions, credentials),
    ]);
    if (!visible.allowsAll) {
      return this.buildFleet(window, catalog, data, visible);
    }
    return this.shared.get(`fleet:${window}`, [catalog, data], async () =>
      this.buildFleet(window, catalog, data, visible),
    );
  }

  private buildFleet(
    window: CostWindow,
    catalog: TenancyCatalogSnapshot,
    data: FleetData,
    visible: VisibilityCheck,
  ): FleetResponse {
    const items = this.rows(catalog, data, window).filter(row =>
      visible(catalog.byRef.get(row.entityRef)!),
    );
    const centers = new Map<string, { tenants: number; cost: number }>();
    for (const row of items) {
      const c = centers.get(row.costCenter) ?? { tenants: 0, cost: 0 };
      c.tenants++;
      c.cost += row.cost ?? 0;
      centers.set(row.costCenter, c);
    }
    const statuses = data.statuses(new Date());
    return {
      items,
      window,
      currency: data.currency,
      costCenters: [...centers]
        .map(([costCenter, c]) => ({
          costCenter,
          tenants: c.tenants,
          cost: Math.round(c.cost * 100) / 100,
        }))
        .sort((a, b) => b.cost - a.cost),
      generatedAt: new Date().toISOString(),
      errors: sourceErrors(statuses),
      sources: statuses,
      stale: statuses.some(s => s.stale),
    };
  }

  async sources(): Promise<SourcesResponse> {
    const data = await this.reader.current();
    return {
      items: data.statuses(new Date()),
      generatedAt: new Date().toISOString(),
    };
  }
}
