import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { PublishedRequest } from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { Knex } from 'knex';
import { TenancyCatalogIndex } from '../../catalog/TenancyCatalogIndex';
import { migrateDatabase } from '../../database/migrateDatabase';
import { FleetData } from '../../snapshots/FleetData';
import { ReconcilerSummary } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { ArgoApplicationRecord } from '../../sources/types';

/* Fixtures of the provisioning history's tests: a tenant, its namespace, a request. */

/** SQLite, and PostgreSQL where `scripts/test-services.sh` runs one (`.ci/run`). */
export const databases = TestDatabases.create({
  ids: ['POSTGRES_15', 'SQLITE_3'],
  disableDocker: true,
});

export async function migrated(id: TestDatabaseId = 'SQLITE_3'): Promise<Knex> {
  const knex = await databases.init(id);
  return migrateDatabase({ getClient: async () => knex });
}

export const tenant = {
  apiVersion: 'tenancy.io/v1alpha1',
  kind: 'Tenant',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { owner: 'team-payments', costCenter: 'cc-1' },
  relations: [{ type: 'hasPart', targetRef: 'resource:default/payments-dev' }],
};
export const namespaceEntity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'payments-dev',
    namespace: 'default',
    annotations: {
      'tenancy.io/environment': 'dev',
      'backstage.io/kubernetes-cluster': 'cluster-1',
      'backstage.io/kubernetes-namespace': 'payments-dev',
    },
  },
  spec: { type: 'kubernetes-namespace', owner: 'team-payments' },
};

/** The catalog before the merge (the tenant only) or after (its namespace too). */
export const catalogWith = (entities: object[]) =>
  new TenancyCatalogIndex(
    catalogServiceMock({ entities: entities as any }),
    mockServices.auth(),
    0,
  ).current();

/**
 * The source snapshots: the namespace's phase and its applications; with
 * `flux`, its cluster runs Flux: the states of the tenant's Kustomization
 * of the environment and of a HelmRelease targeting the namespace.
 */
export function fleetWith(
  phase: string | undefined,
  apps: Array<Pick<ArgoApplicationRecord, 'sync' | 'health'>>,
  at: { kubernetes: string; argocd: string; flux?: string },
  flux?: [ReconcilerSummary['state'], ReconcilerSummary['state']],
): FleetData {
  const data = new Map<string, any>([
    [
      'kubernetes:cluster-1',
      {
        cluster: 'cluster-1',
        namespaces: phase
          ? { 'payments-dev': { phase, quotas: [], limitRanges: [] } }
          : {},
      },
    ],
    [
      'argocd:argocd',
      {
        instance: 'argocd',
        applications: apps.map((a, i) => ({
          instance: 'argocd',
          name: `app-${i}`,
          project: 'payments',
          revisions: [],
          url: '',
          labels: {},
          cluster: 'cluster-1',
          destinationNamespace: 'payments-dev',
          ...a,
        })),
      },
    ],
  ]);
  if (flux) {
    const reconciler = (kind: string, name: string, state: string) => ({
      engine: 'flux',
      kind,
      name,
      cluster: 'cluster-1',
      state,
    });
    data.set('flux:cluster-1', {
      cluster: 'cluster-1',
      reconcilers: [
        {
          ...reconciler('Kustomization', 'tenancy-payments-dev', flux[0]),
          namespace: 'flux-system',
          platform: { tenant: 'payments', environment: 'dev' },
        },
        {
          ...reconciler('HelmRelease', 'api', flux[1]),
          namespace: 'payments-dev',
          targetNamespace: 'payments-dev',
        },
      ],
    });
  }
  const state = (id: string, lastSuccessAt: string) => ({
    id,
    kind: id.split(':')[0] as any,
    name: id.split(':')[1],
    lastSuccessAt,
    lastAttemptAt: lastSuccessAt,
  });
  return new FleetData(
    [
      { id: 'kubernetes:cluster-1', kind: 'kubernetes', name: 'cluster-1' },
      { id: 'argocd:argocd', kind: 'argocd', name: 'argocd' },
      ...(flux
        ? [{ id: 'flux:cluster-1', kind: 'flux' as const, name: 'cluster-1' }]
        : []),
    ],
    {
      refreshedAt: at.argocd,
      sources: {
        'kubernetes:cluster-1': state('kubernetes:cluster-1', at.kubernetes),
        'argocd:argocd': state('argocd:argocd', at.argocd),
        ...(at.flux
          ? { 'flux:cluster-1': state('flux:cluster-1', at.flux) }
          : {}),
      },
    },
    data,
    300_000,
    'EUR',
  );
}

export const request = (
  overrides: Partial<PublishedRequest> = {},
): PublishedRequest => ({
  number: 7,
  branch: 'tenancy/payments/payments-dev',
  title: 'New namespace payments-dev for tenant payments (dev)',
  url: 'https://git.example.com/pr/7',
  state: 'open',
  requestedBy: 'user:default/jane',
  fingerprint: 'f1',
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  ...overrides,
});
