import {
  DriftFinding,
  PolicySummary,
  SourceStatus,
  TENANCY_ANNOTATIONS,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import {
  ArgoApplicationRecord,
  ArgoCdSnapshot,
  CostSnapshot,
  FluxReconcilerRecord,
  FluxSnapshot,
  GitOpsSnapshot,
  KubernetesNamespaceRecord,
  KubernetesSnapshot,
  PolicySnapshot,
  SourceKind,
} from '../sources/types';
import { emptyCounts } from '../sources/policy/PolicyResults';
import {
  VClusterControlPlaneRecord,
  VClusterSnapshot,
} from '../sources/kubernetes/VClusterSnapshot';
import { computeDrift, FleetDrift } from './computeDrift';
import { SourceData, SourceIndex } from './SourceRecord';
import { sourceHasFailed } from './sourceHasFailed';

/** A configured source, as far as the reader needs to know it. */
export interface SourceDescriptor {
  id: string;
  kind: SourceKind;
  name: string;
  /** For cost sources: the cluster all the instance's data belongs to. */
  cluster?: string;
}

/** A namespace's daily cost rows and the figures that go with them. */
export interface NamespaceCost {
  days: string[];
  rows: CostSnapshot['namespaces'][string];
  currency: string;
  hasEfficiency: boolean;
}

const key = (cluster: string, namespace: string) => `${cluster}/${namespace}`;

/**
 * One consistent view of all sources' latest good data, indexed by
 * `cluster/namespace` for constant-time lookups per request.
 */
export class FleetData {
  private readonly quotas = new Map<string, KubernetesNamespaceRecord>();
  private readonly apps = new Map<string, ArgoApplicationRecord[]>();
  private readonly appsByTenant = new Map<string, ArgoApplicationRecord[]>();
  private readonly allApps: ArgoApplicationRecord[] = [];
  private readonly costs = new Map<string, NamespaceCost>();
  private readonly policies = new Map<string, PolicySnapshot>();
  private readonly vclusters = new Map<string, VClusterSnapshot>();
  /** Flux objects by `cluster/namespace` they target. */
  private readonly fluxByNamespace = new Map<string, FluxReconcilerRecord[]>();
  /** The platform's Flux Kustomizations by `cluster/tenant/environment`. */
  private readonly fluxByEnvironment = new Map<
    string,
    FluxReconcilerRecord[]
  >();
  private readonly clusters: KubernetesSnapshot[] = [];
  private readonly fleetDrift?: FleetDrift;
  private readonly orphansByTenant = new Map<string, DriftFinding[]>();
  readonly currency: string;
  /** When drift was computed from: the older of the repository's and the newest cluster's last success. */
  readonly driftComputedAt?: string;

  constructor(
    private readonly descriptors: SourceDescriptor[],
    private readonly index: SourceIndex | undefined,
    data: Map<string, SourceData>,
    private readonly frequencyMs: number,
    defaultCurrency: string,
  ) {
    let currency = defaultCurrency;
    let gitops: { data: GitOpsSnapshot; at?: string } | undefined;
    let clustersAt: string | undefined;
    for (const d of descriptors) {
      const value = data.get(d.id);
      if (!value) continue;
      if (d.kind === 'kubernetes') {
        const k8s = value as KubernetesSnapshot;
        this.clusters.push(k8s);
        for (const [ns, record] of Object.entries(k8s.namespaces)) {
          this.quotas.set(key(k8s.cluster, ns), record);
        }
        const at = index?.sources[d.id]?.lastSuccessAt;
        if (at && (!clustersAt || at > clustersAt)) clustersAt = at;
      } else if (d.kind === 'policy') {
        const policy = value as PolicySnapshot;
        this.policies.set(policy.cluster, policy);
      } else if (d.kind === 'vcluster') {
        const vclusters = value as VClusterSnapshot;
        this.vclusters.set(vclusters.cluster, vclusters);
      } else if (d.kind === 'flux') {
        const flux = value as FluxSnapshot;
        for (const r of flux.reconcilers) {
          const k = r.platform
            ? `${flux.cluster}/${r.platform.tenant}/${r.platform.environment}`
            : r.targetNamespace && key(flux.cluster, r.targetNamespace);
          if (!k) continue;
          const byKey = r.platform
            ? this.fluxByEnvironment
            : this.fluxByNamespace;
          const list = byKey.get(k) ?? [];
          list.push(r);
          byKey.set(k, list);
        }
      } else if (d.kind === 'gitops') {
        gitops = {
          data: value as GitOpsSnapshot,
          at: index?.sources[d.id]?.lastSuccessAt,
        };
      } else if (d.kind === 'argocd') {
        for (const app of (value as ArgoCdSnapshot).applications) {
          this.allApps.push(app);
          const tenant = app.labels[TENANCY_ANNOTATIONS.tenant] ?? app.project;
          const ofTenant = this.appsByTenant.get(tenant) ?? [];
          ofTenant.push(app);
          this.appsByTenant.set(tenant, ofTenant);
          if (!app.cluster || !app.destinationNamespace) continue;
          const k = key(app.cluster, app.destinationNamespace);
          const list = this.apps.get(k) ?? [];
          list.push(app);
          this.apps.set(k, list);
        }
      } else if (d.kind === 'cost') {
        const cost = value as CostSnapshot;
        currency = cost.currency;
        for (const [k, rows] of Object.entries(cost.namespaces)) {
          this.costs.set(k, {
            days: cost.days,
            rows,
            currency: cost.currency,
            hasEfficiency: cost.hasEfficiency,
          });
        }
      }
    }
    this.currency = currency;
    if (gitops && this.clusters.length) {
      this.fleetDrift = computeDrift(gitops.data, this.clusters);
      for (const orphan of this.fleetDrift.orphans) {
        const list = this.orphansByTenant.get(orphan.tenant!) ?? [];
        list.push(orphan);
        this.orphansByTenant.set(orphan.tenant!, list);
      }
      this.driftComputedAt =
        gitops.at && clustersAt && gitops.at < clustersAt
          ? gitops.at
          : clustersAt;
    }
  }

  /**
   * Policy results of a namespace: none counted when its cluster's policy
   * source answered without results for it; undefined when that source has
   * no data.
   */
  policy(cluster: string, namespace: string): PolicySummary | undefined {
    const snapshot = this.policies.get(cluster);
    if (!snapshot) return undefined;
    return (
      snapshot.namespaces[namespace] ?? {
        counts: emptyCounts(),
        findings: [],
        omitted: 0,
      }
    );
  }

  /**
   * The control plane of the vCluster `release` in its host namespace: null
   * when its cluster's vCluster source answered without it; undefined when
   * that source has no data.
   */
  vclusterControlPlane(
    cluster: string,
    namespace: string,
    release: string,
  ): VClusterControlPlaneRecord | null | undefined {
    const snapshot = this.vclusters.get(cluster);
    if (!snapshot) return undefined;
    const planes = snapshot.namespaces[namespace] ?? [];
    return (
      planes.find(p => p.release === release) ??
      (planes.length === 1 ? planes[0] : null)
    );
  }

  /** Drift of a namespace folder; undefined when the repository or its cluster has no data. */
  drift(cluster: string, namespace: string): DriftFinding[] | undefined {
    return this.fleetDrift?.namespaces.get(key(cluster, namespace));
  }

  /**
   * Orphan namespaces labelled with the tenant (none without a tenant);
   * undefined when drift is not known.
   */
  orphans(tenant?: string): DriftFinding[] | undefined {
    if (!this.fleetDrift) return undefined;
    return (tenant && this.orphansByTenant.get(tenant)) || [];
  }

  /** Whether a folder of the repository describes the namespace; undefined without repository data. */
  described(cluster: string, namespace: string): boolean | undefined {
    return this.fleetDrift?.described.has(key(cluster, namespace));
  }

  /** When a cluster's Kubernetes source last succeeded. */
  observedAt(cluster: string): string | undefined {
    return this.index?.sources[`kubernetes:${cluster}`]?.lastSuccessAt;
  }

  quota(cluster: string, namespace: string) {
    return this.quotas.get(key(cluster, namespace));
  }

  applications(cluster: string, namespace: string): ArgoApplicationRecord[] {
    return this.apps.get(key(cluster, namespace)) ?? [];
  }

  /**
   * The Flux objects deploying into a namespace: those targeting it, and
   * the platform's Kustomization of its tenant and environment on its
   * cluster; none without the cluster's Flux data.
   */
  fluxReconcilers(
    cluster: string,
    namespace: string,
    tenant?: string,
    environment?: string,
  ): FluxReconcilerRecord[] {
    const platform =
      tenant && environment
        ? this.fluxByEnvironment.get(`${cluster}/${tenant}/${environment}`) ??
          []
        : [];
    return [
      ...platform,
      ...(this.fluxByNamespace.get(key(cluster, namespace)) ?? []),
    ];
  }

  /** Applications of a tenant by `tenancy.io/tenant` label, else by AppProject name. */
  tenantApplications(tenant: string): ArgoApplicationRecord[] {
    return this.appsByTenant.get(tenant) ?? [];
  }

  /** Every application of every Argo CD instance. */
  allApplications(): ArgoApplicationRecord[] {
    return this.allApps;
  }

  /** Names of the configured Argo CD instances. */
  argoCdInstances(): string[] {
    return this.descriptors.filter(d => d.kind === 'argocd').map(d => d.name);
  }

  cost(cluster: string, namespace: string): NamespaceCost | undefined {
    return this.costs.get(key(cluster, namespace));
  }

  /** Ids of the sources behind a cluster's namespaces. */
  sourcesFor(clusters: Set<string>): string[] {
    return this.descriptors
      .filter(d => {
        if (
          d.kind === 'kubernetes' ||
          d.kind === 'policy' ||
          d.kind === 'vcluster' ||
          d.kind === 'flux'
        ) {
          return clusters.has(d.name);
        }
        if (d.kind === 'cost') return !d.cluster || clusters.has(d.cluster);
        return true;
      })
      .map(d => d.id);
  }

  /** Status of the given sources (all when omitted) at `now`. */
  statuses(now: Date, ids?: string[]): SourceStatus[] {
    const wanted = ids ? new Set(ids) : undefined;
    return this.descriptors
      .filter(d => !wanted || wanted.has(d.id))
      .map(d => {
        const state = this.index?.sources[d.id];
        const success = state?.lastSuccessAt
          ? Date.parse(state.lastSuccessAt)
          : undefined;
        const ageMs =
          success === undefined ? undefined : now.getTime() - success;
        return {
          id: d.id,
          kind: d.kind,
          name: d.name,
          lastSuccessAt: state?.lastSuccessAt,
          lastErrorAt: state?.lastErrorAt,
          lastError: state?.lastError,
          ageSeconds:
            ageMs === undefined
              ? undefined
              : Math.max(0, Math.round(ageMs / 1000)),
          stale:
            sourceHasFailed(state) ||
            ageMs === undefined ||
            ageMs > 2 * this.frequencyMs,
        };
      });
  }
}
