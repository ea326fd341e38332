import {
  SourceKind,
  SourceStatus,
  TENANCY_ANNOTATIONS,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import {
  ArgoApplicationRecord,
  ArgoCdSnapshot,
  CostSnapshot,
  KubernetesNamespaceRecord,
  KubernetesSnapshot,
} from '../sources/types';
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
  private readonly costs = new Map<string, NamespaceCost>();
  readonly currency: string;

  constructor(
    private readonly descriptors: SourceDescriptor[],
    private readonly index: SourceIndex | undefined,
    data: Map<string, SourceData>,
    private readonly frequencyMs: number,
    defaultCurrency: string,
  ) {
    let currency = defaultCurrency;
    for (const d of descriptors) {
      const value = data.get(d.id);
      if (!value) continue;
      if (d.kind === 'kubernetes') {
        const k8s = value as KubernetesSnapshot;
        for (const [ns, record] of Object.entries(k8s.namespaces)) {
          this.quotas.set(key(k8s.cluster, ns), record);
        }
      } else if (d.kind === 'argocd') {
        for (const app of (value as ArgoCdSnapshot).applications) {
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
      } else {
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
  }

  quota(cluster: string, namespace: string) {
    return this.quotas.get(key(cluster, namespace));
  }

  applications(cluster: string, namespace: string): ArgoApplicationRecord[] {
    return this.apps.get(key(cluster, namespace)) ?? [];
  }

  /** Applications of a tenant by `tenancy.io/tenant` label, else by AppProject name. */
  tenantApplications(tenant: string): ArgoApplicationRecord[] {
    return this.appsByTenant.get(tenant) ?? [];
  }

  cost(cluster: string, namespace: string): NamespaceCost | undefined {
    return this.costs.get(key(cluster, namespace));
  }

  /** Ids of the sources behind a cluster's namespaces. */
  sourcesFor(clusters: Set<string>): string[] {
    return this.descriptors
      .filter(d => {
        if (d.kind === 'kubernetes') return clusters.has(d.name);
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
