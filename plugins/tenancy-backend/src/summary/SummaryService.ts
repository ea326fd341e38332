import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  CostWindow,
  DriftFinding,
  EntitySummary,
  FleetResponse,
  FleetTenant,
  FleetVCluster,
  getTenantOwnerRef,
  isTenantEntity,
  NamespaceSummary,
  ObservedNamespace,
  PolicyResultCounts,
  ReconcilerSummary,
  SourceError,
  SourceStatus,
  SourcesResponse,
  TENANCY_ANNOTATIONS,
  VClusterState,
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
import { EntityApplications } from './EntityApplications';
import { countApplications } from './countApplications';
import { countReconcilers } from './countReconcilers';
import {
  argoReconcilerSummary,
  fluxReconcilerSummary,
} from './toReconcilerSummary';
import { summarizeCost } from './summarizeCost';
import { sumQuota, summarizeQuota } from './summarizeQuota';
import { toApplicationSummary } from './toApplicationSummary';
import { PinnedVCluster, summarizeVCluster } from './summarizeVCluster';
import { addCounts, emptyCounts } from '../sources/policy/PolicyResults';

/** Policy counts summed over those that have them; undefined when none has. */
function sumPolicy(
  counts: Array<PolicyResultCounts | undefined>,
): PolicyResultCounts | undefined {
  const known = counts.filter((c): c is PolicyResultCounts => !!c);
  return known.length
    ? known.reduce((sum, c) => addCounts(sum, c), emptyCounts())
    : undefined;
}

/** Drift findings of namespaces and orphans; undefined when none is known. */
function countDrift(
  ...lists: Array<DriftFinding[] | undefined>
): number | undefined {
  const known = lists.filter((l): l is DriftFinding[] => !!l);
  return known.length ? known.reduce((n, l) => n + l.length, 0) : undefined;
}

function sourceErrors(statuses: SourceStatus[]): SourceError[] {
  return statuses.filter(sourceHasFailed).map(s => ({
    source: s.id,
    kind: s.kind,
    message: s.lastError ?? 'The last refresh failed',
  }));
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

  private readonly applications = new EntityApplications();

  constructor(
    private readonly catalogIndex: TenancyCatalogIndex,
    private readonly reader: SnapshotReader,
    private readonly permissions: PermissionsService,
    private readonly pinnedVCluster: PinnedVCluster,
  ) {}

  /** A vCluster's state; undefined for a namespace, or without its cluster's vCluster data. */
  private vclusterState(
    part: TenancyPart,
    data: FleetData,
  ): VClusterState | undefined {
    if (part.type !== 'vcluster') return undefined;
    const plane = data.vclusterControlPlane(
      part.cluster,
      part.namespace,
      part.entity.metadata.name,
    );
    if (plane === undefined) return undefined;
    return summarizeVCluster(
      plane,
      data.applications(part.cluster, part.namespace),
      this.pinnedVCluster,
    );
  }

  /**
   * Everything deploying into a part's namespace, either engine: its Argo
   * CD applications, and the Flux objects of its cluster targeting it or
   * applying its tenant's environment (tenant and environment from the
   * entity's annotations, else the Namespace's labels).
   */
  private reconcilers(
    part: TenancyPart,
    data: FleetData,
    applications: ArgoApplicationRecord[],
  ): ReconcilerSummary[] {
    const annotations = part.entity.metadata.annotations ?? {};
    const labels = data.quota(part.cluster, part.namespace)?.labels ?? {};
    const tenant =
      annotations[TENANCY_ANNOTATIONS.tenant] ??
      labels[TENANCY_ANNOTATIONS.tenant];
    const environment =
      part.environment ?? labels[TENANCY_ANNOTATIONS.environment];
    return [
      ...applications.map(argoReconcilerSummary),
      ...data
        .fluxReconcilers(part.cluster, part.namespace, tenant, environment)
        .map(fluxReconcilerSummary),
    ];
  }

  private namespaceSummary(
    part: TenancyPart,
    data: FleetData,
    window: CostWindow,
    applications: ArgoApplicationRecord[],
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
      applications: applications.map(toApplicationSummary),
      reconcilers: this.reconcilers(part, data, applications),
      policy: data.policy(part.cluster, part.namespace),
      drift: data.drift(part.cluster, part.namespace),
      vcluster: this.vclusterState(part, data),
    };
  }

  async entitySummary(
    ref: string,
    window: CostWindow,
    credentials: BackstageCredentials,
  ): Promise<EntitySummary> {
    const [catalog, data, visible] = await Promise.all([
      this.catalogIndex.current(ref),
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
    const apps = this.applications.of(data, entity, parts);
    const namespaces = parts.map((p, i) =>
      this.namespaceSummary(p, data, window, apps.byPart[i]),
    );
    const costs = parts
      .map(p => data.cost(p.cluster, p.namespace))
      .filter((c): c is NonNullable<typeof c> => !!c);
    const statuses = data.statuses(
      new Date(),
      data.sourcesFor(new Set(parts.map(p => p.cluster))),
    );
    const orphans = data.orphans(
      isTenantEntity(entity) ? entity.metadata.name : undefined,
    );
    return {
      entityRef: ref,
      namespaces,
      totals: {
        quota: sumQuota(namespaces.map(n => n.quota?.resources ?? [])),
        cost: summarizeCost(costs, window),
        applications: countApplications(apps.all),
        reconcilers: countReconcilers([
          ...namespaces.flatMap(n => n.reconcilers ?? []),
          ...apps.others.map(argoReconcilerSummary),
        ]),
        policy: sumPolicy(namespaces.map(n => n.policy?.counts)),
        drift: countDrift(...namespaces.map(n => n.drift), orphans),
      },
      orphans,
      otherApplications: apps.others.map(toApplicationSummary),
      generatedAt: new Date().toISOString(),
      errors: [...sourceErrors(statuses), ...apps.problems],
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
      const apps = this.applications.of(data, tenant, parts);
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
        applications: countApplications(apps.all),
        reconcilers: countReconcilers([
          ...parts.flatMap((p, i) => this.reconcilers(p, data, apps.byPart[i])),
          ...apps.others.map(argoReconcilerSummary),
        ]),
        policy: sumPolicy(
          parts.map(p => data.policy(p.cluster, p.namespace)?.counts),
        ),
        drift: countDrift(
          ...parts.map(p => data.drift(p.cluster, p.namespace)),
          data.orphans(tenant.metadata.name),
        ),
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
    const vclusters: FleetVCluster[] = catalog.tenants.flatMap(tenant => {
      const tenantRef = stringifyEntityRef(tenant);
      return catalog
        .partsOf(tenantRef)
        .filter(p => p.type === 'vcluster' && visible(p.entity))
        .map(p => ({
          entityRef: p.ref,
          name: p.entity.metadata.name,
          tenant: tenantRef,
          environment: p.environment,
          cluster: p.cluster,
          namespace: p.namespace,
          state: this.vclusterState(p, data),
        }));
    });
    vclusters.sort((a, b) => a.entityRef.localeCompare(b.entityRef));
    const statuses = data.statuses(new Date());
    return {
      items,
      vclusters,
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
      driftComputedAt: data.driftComputedAt,
    };
  }

  /**
   * A namespace as its cluster had it at the last refresh, for adopting an
   * orphan: only when its `tenancy.io/tenant` label names a Tenant the
   * caller may see; any other namespace is not found, so that namespaces of
   * other tenants are not revealed.
   */
  async observedNamespace(
    cluster: string,
    namespace: string,
    credentials: BackstageCredentials,
  ): Promise<ObservedNamespace> {
    const [catalog, data, visible] = await Promise.all([
      this.catalogIndex.current(),
      this.reader.current(),
      createVisibilityCheck(this.permissions, credentials),
    ]);
    const record = data.quota(cluster, namespace);
    const tenantName = record?.labels?.[TENANCY_ANNOTATIONS.tenant];
    const tenant =
      tenantName === undefined
        ? undefined
        : catalog.tenants.find(t => t.metadata.name === tenantName);
    if (!record?.labels || !tenant || !visible(tenant)) {
      throw new NotFoundError(
        `No namespace ${namespace} of a tenant you may see on cluster ${cluster} at the last refresh`,
      );
    }
    return {
      cluster,
      namespace,
      phase: record.phase,
      labels: record.labels,
      quotas: record.quotas.map(q => ({ name: q.name, hard: q.spec })),
      limitRanges: record.limitRanges,
      orphan: data.described(cluster, namespace) === false,
      observedAt: data.observedAt(cluster) ?? new Date().toISOString(),
    };
  }
}
