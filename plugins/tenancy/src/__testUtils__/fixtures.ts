import { Entity } from '@backstage/catalog-model';
import {
  ArgoApplicationSummary,
  CostSummary,
  EntitySummary,
  NamespaceSummary,
  QuotaResourceUsage,
  SourceStatus,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';

export const tenantEntity: Entity = {
  apiVersion: 'tenancy.io/v1alpha1',
  kind: 'Tenant',
  metadata: { name: 'payments', namespace: 'default', title: 'Payments' },
  spec: {
    owner: 'team-payments',
    costCenter: 'CC-1001',
    ssoGroup: 'payments-devs',
    environments: ['dev', 'staging', 'prod'],
    isolation: 'namespaces',
    tier: 'gold',
  },
};

/** The namespace entity `payments-dev` of the tenant `payments`. */
export const namespaceEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'payments-dev',
    namespace: 'default',
    annotations: { 'tenancy.io/tenant': 'payments' },
  },
  spec: { type: 'kubernetes-namespace', owner: 'team-payments' },
};

export function usage(
  resource: string,
  used: string,
  hard: string,
  usedValue: number,
  hardValue: number,
): QuotaResourceUsage {
  return {
    resource,
    used,
    hard,
    usedValue,
    hardValue,
    utilisation: hardValue ? usedValue / hardValue : undefined,
  };
}

export function aCost(
  total: number,
  patch: Partial<CostSummary> = {},
): CostSummary {
  return {
    window: '7d',
    currency: 'USD',
    total,
    breakdown: {
      cpu: total * 0.5,
      ram: total * 0.3,
      storage: total * 0.1,
      network: total * 0.05,
      other: total * 0.05,
    },
    efficiency: 0.42,
    daily: [
      { date: '2026-11-19', total: total / 2 },
      { date: '2026-11-20', total: total / 2 },
    ],
    ...patch,
  };
}

export function anApp(
  name: string,
  sync = 'Synced',
  health = 'Healthy',
): ArgoApplicationSummary {
  return {
    instance: 'argocd-eu',
    name,
    project: 'payments',
    sync,
    health,
    revisions: ['0123456789abcdef0123456789abcdef01234567'],
    lastSyncedAt: '2026-11-20T10:00:00Z',
    url: `https://argocd.example.com/applications/argocd/${name}`,
  };
}

export function aNamespace(
  namespace: string,
  patch: Partial<NamespaceSummary> = {},
): NamespaceSummary {
  return {
    entityRef: `resource:default/${namespace}`,
    type: 'kubernetes-namespace',
    namespace,
    cluster: 'nonprod-eu-1',
    environment: 'dev',
    quota: {
      resources: [
        usage('requests.cpu', '1500m', '2', 1.5, 2),
        usage('requests.memory', '3Gi', '4Gi', 3 * 2 ** 30, 4 * 2 ** 30),
        usage('pods', '19', '20', 19, 20),
        usage('services.loadbalancers', '0', '0', 0, 0),
      ],
      limitRanges: [
        {
          name: 'defaults',
          limits: [
            {
              type: 'Container',
              default: { cpu: '500m', memory: '512Mi' },
              defaultRequest: { cpu: '100m', memory: '128Mi' },
            },
          ],
        },
      ],
      phase: 'Active',
    },
    cost: aCost(70),
    applications: [anApp(`${namespace}-api`)],
    ...patch,
  };
}

export const freshSource = (id: string): SourceStatus => {
  const [kind, name] = id.split(':') as [SourceStatus['kind'], string];
  return {
    id,
    kind,
    name,
    lastSuccessAt: '2026-11-21T11:59:00Z',
    ageSeconds: 60,
    stale: false,
  };
};

export function aSummary(
  namespaces: NamespaceSummary[],
  patch: Partial<EntitySummary> = {},
): EntitySummary {
  const total = namespaces.reduce((n, ns) => n + (ns.cost?.total ?? 0), 0);
  return {
    entityRef: 'tenant:default/payments',
    namespaces,
    totals: {
      quota: namespaces[0]?.quota?.resources ?? [],
      cost: namespaces.some(n => n.cost) ? aCost(total) : undefined,
      applications: { total: 1, outOfSync: 0, degraded: 0, progressing: 0 },
    },
    otherApplications: [],
    generatedAt: '2026-11-21T12:00:00Z',
    errors: [],
    sources: [
      freshSource('kubernetes:nonprod-eu-1'),
      freshSource('argocd:argocd-eu'),
      freshSource('cost:opencost'),
    ],
    stale: false,
    ...patch,
  };
}

/** No provisioning history yet (its card has tests of its own). */
export const noProvisioningHistory = {
  generatedAt: '2026-11-21T12:00:00Z',
  since: '2026-08-29T12:00:00Z',
  leadTimes: { toMerged: { count: 0 }, toReady: { count: 0 } },
  byEnvironment: [],
  byWeek: [],
  requests: [],
  open: [],
  openCount: 0,
  outcomes: [],
  sla: { targetMinutes: 10, measured: 0, withinTarget: 0 },
};
