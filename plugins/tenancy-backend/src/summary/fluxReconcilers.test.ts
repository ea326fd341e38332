import { CacheManager } from '@backstage/backend-defaults/cache';
import {
  mockCredentials,
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { kubernetesBackendClientAt } from '../__testUtils__/kubernetesBackendClientAt';
import { validateApiResponse } from '../__testUtils__/validateApiResponse';
import { TenancyCatalogIndex } from '../catalog/TenancyCatalogIndex';
import { refreshSources } from '../snapshots/refreshSources';
import { SnapshotReader } from '../snapshots/SnapshotReader';
import { SnapshotStore } from '../snapshots/SnapshotStore';
import { KubernetesClusters } from '../sources/kubernetes/KubernetesClusters';
import { SummaryService } from './SummaryService';
import { argoReconcilerSummary } from './toReconcilerSummary';
import { countReconcilers } from './countReconcilers';

const server = setupServer();
registerMswTestHooks(server);

const BASE = 'http://backstage.example.com/api/kubernetes';
const FLUX = 'nonprod-eu-2';
const ARGO = 'prod-eu-1';

const fixture = (name: string) =>
  JSON.parse(
    readFileSync(
      resolve(__dirname, '../sources/kubernetes/__fixtures__', name),
      'utf8',
    ),
  );

const namespace = (name: string, tenant: string, environment: string) => ({
  metadata: {
    name,
    labels: {
      'tenancy.io/tenant': tenant,
      'tenancy.io/environment': environment,
    },
  },
  status: { phase: 'Active' },
});

const NAMESPACES: Record<string, any[]> = {
  [FLUX]: [
    namespace('payments-qa', 'payments', 'qa'),
    namespace('payments-qa-api', 'payments', 'qa'),
    namespace('podinfo', 'payments', 'qa'),
  ],
  [ARGO]: [namespace('payments-prod', 'payments', 'prod')],
};

/** The platform's Kustomization of payments/qa, failing its health check. */
const platform = {
  apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
  kind: 'Kustomization',
  metadata: {
    name: 'tenancy-payments-qa',
    namespace: 'flux-system',
    generation: 2,
    labels: { 'tenancy.io/tenant': 'payments', 'tenancy.io/environment': 'qa' },
  },
  spec: {
    interval: '5m',
    path: './tenants/payments/qa',
    prune: true,
    sourceRef: { kind: 'GitRepository', name: 'tenancy-platform' },
  },
  status: {
    lastAppliedRevision: 'main@sha1:2222222222222222222222222222222222222222',
    conditions: [
      {
        type: 'Ready',
        status: 'False',
        reason: 'HealthCheckFailed',
        message: 'health check failed',
        lastTransitionTime: '2026-12-03T10:00:00Z',
        observedGeneration: 2,
      },
    ],
  },
};

const list = (items: any[]) => ({ metadata: {}, items });

/**
 * The Kubernetes backend's proxy for both clusters; `flux` answers the
 * Flux lists of the Flux cluster. Records every path asked, by cluster.
 */
function serve(flux: (path: string) => Response | undefined) {
  const asked: string[] = [];
  server.use(
    http.get(`${BASE}/clusters`, () =>
      HttpResponse.json({ items: [{ name: ARGO }, { name: FLUX }] }),
    ),
    http.get(`${BASE}/proxy/*`, ({ request }) => {
      const cluster = request.headers.get('backstage-kubernetes-cluster')!;
      const path = new URL(request.url).pathname.replace(
        '/api/kubernetes/proxy',
        '',
      );
      asked.push(`${cluster}:${path}`);
      if (path === '/api/v1/namespaces')
        return HttpResponse.json(list(NAMESPACES[cluster]));
      if (path === '/api/v1/resourcequotas' || path === '/api/v1/limitranges')
        return HttpResponse.json(list([]));
      if (path === '/apis/apps/v1/statefulsets')
        return HttpResponse.json(list([]));
      return (
        flux(path) ??
        HttpResponse.json(
          {
            kind: 'Status',
            code: 404,
            reason: 'NotFound',
            message: 'not found',
          },
          { status: 404 },
        )
      );
    }),
  );
  return asked;
}

const entities = [
  {
    apiVersion: 'tenancy.io/v1alpha1',
    kind: 'Tenant',
    metadata: { name: 'payments', namespace: 'default' },
    spec: {
      owner: 'group:default/team-payments',
      costCenter: 'CC-1',
      environments: ['qa', 'prod'],
    },
    relations: [
      'payments-qa',
      'payments-qa-api',
      'podinfo',
      'payments-prod',
    ].map(n => ({ type: 'hasPart', targetRef: `resource:default/${n}` })),
  },
  ...[
    ['payments-qa', FLUX, 'qa'],
    ['payments-qa-api', FLUX, 'qa'],
    ['podinfo', FLUX, 'qa'],
    ['payments-prod', ARGO, 'prod'],
  ].map(([name, cluster, environment]) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'tenancy.io/tenant': 'payments',
        'tenancy.io/environment': environment,
        'backstage.io/kubernetes-namespace': name,
        'backstage.io/kubernetes-cluster': cluster,
      },
    },
    spec: {
      type: 'kubernetes-namespace',
      owner: 'group:default/team-payments',
    },
    relations: [{ type: 'partOf', targetRef: 'tenant:default/payments' }],
  })),
];

async function refreshAndSummarize() {
  const config = new ConfigReader({ backend: { cache: { store: 'memory' } } });
  const store = new SnapshotStore(
    CacheManager.fromConfig(config).forPlugin('tenancy'),
  );
  const client = kubernetesBackendClientAt(BASE, {
    timeoutMs: 1000,
    retries: 0,
    backoffMs: 1,
  });
  const clusters = new KubernetesClusters(client, mockServices.logger.mock(), {
    policyReports: false,
    engineOf: c => (c === FLUX ? 'flux' : 'argocd'),
  });
  await refreshSources({
    sources: await clusters.sources([]),
    store,
    logger: mockServices.logger.mock(),
  });
  const service = new SummaryService(
    new TenancyCatalogIndex(
      catalogServiceMock({ entities: entities as any }),
      mockServices.auth(),
    ),
    new SnapshotReader(store, [], {
      frequencyMs: 60_000,
      currency: 'USD',
      syncIntervalMs: 0,
    }),
    mockServices.permissions(),
    { chartVersion: '0.36.1', project: 'platform-vclusters' },
  );
  return service;
}

describe('Flux reconcilers in the summary and the fleet', () => {
  it("shows on each namespace the Flux objects deploying into it, and counts them once per tenant; the Argo CD cluster's lists are not asked", async () => {
    const kustomizations = fixture('flux-kustomization-list.json');
    kustomizations.items.push(platform);
    // targetNamespace payments-qa-api
    kustomizations.items[2].spec.targetNamespace = 'payments-qa-api';
    const asked = serve(path => {
      if (path === '/apis/kustomize.toolkit.fluxcd.io/v1/kustomizations')
        return HttpResponse.json(kustomizations);
      if (path === '/apis/helm.toolkit.fluxcd.io/v2/helmreleases')
        return HttpResponse.json(fixture('flux-helmrelease-list.json'));
      return undefined;
    });
    const service = await refreshAndSummarize();
    expect(asked.filter(p => p.includes('fluxcd.io'))).toEqual([
      `${FLUX}:/apis/kustomize.toolkit.fluxcd.io/v1/kustomizations`,
      `${FLUX}:/apis/helm.toolkit.fluxcd.io/v2/helmreleases`,
    ]);

    const summary = await service.entitySummary(
      'tenant:default/payments',
      '7d',
      mockCredentials.user(),
    );
    expect(summary.errors).toEqual([]);
    expect(
      validateApiResponse('EntitySummary', JSON.parse(JSON.stringify(summary))),
    ).toEqual([]);
    const rows = Object.fromEntries(
      summary.namespaces.map(n => [
        n.namespace,
        (n.reconcilers ?? []).map(
          r => `${r.kind} ${r.namespace}/${r.name} ${r.state}`,
        ),
      ]),
    );
    expect(rows).toEqual({
      'payments-qa': ['Kustomization flux-system/tenancy-payments-qa failed'],
      'payments-qa-api': [
        'Kustomization flux-system/tenancy-payments-qa failed',
        'Kustomization flux-system/apps suspended',
      ],
      podinfo: [
        'Kustomization flux-system/tenancy-payments-qa failed',
        'HelmRelease podinfo/podinfo ready',
      ],
      'payments-prod': [],
    });
    const qa = summary.namespaces.find(n => n.namespace === 'payments-qa')!;
    expect(qa.reconcilers![0]).toEqual({
      engine: 'flux',
      kind: 'Kustomization',
      cluster: FLUX,
      name: 'tenancy-payments-qa',
      namespace: 'flux-system',
      state: 'failed',
      revision: 'main@sha1:2222222222222222222222222222222222222222',
      message: 'health check failed',
      lastTransitionAt: '2026-12-03T10:00:00Z',
    });
    // The Argo CD fields stay as they were.
    expect(qa.applications).toEqual([]);
    expect(summary.totals.reconcilers).toEqual({
      total: 3,
      notReady: 2,
      failed: 1,
    });

    const fleet = await service.fleet('7d', mockCredentials.user());
    expect(
      validateApiResponse('FleetResponse', JSON.parse(JSON.stringify(fleet))),
    ).toEqual([]);
    expect(fleet.items[0].reconcilers).toEqual({
      total: 3,
      notReady: 2,
      failed: 1,
    });
  });

  it('keeps the quota of a Flux cluster without the Flux CRDs, and reports the Flux source alone as failed', async () => {
    serve(() => undefined);
    const service = await refreshAndSummarize();
    const summary = await service.entitySummary(
      'tenant:default/payments',
      '7d',
      mockCredentials.user(),
    );
    expect(summary.errors).toEqual([
      {
        source: `flux:${FLUX}`,
        kind: 'flux',
        message: expect.stringMatching(/^HTTP 404 from .*fluxcd\.io/),
      },
    ]);
    const qa = summary.namespaces.find(n => n.namespace === 'payments-qa')!;
    expect(qa.quota?.phase).toBe('Active');
    expect(qa.reconcilers).toEqual([]);
    const failed = summary.sources.filter(s => s.lastError);
    expect(failed.map(s => s.id)).toEqual([`flux:${FLUX}`]);
  });

  it('isolates a 403 on the Flux lists and a malformed object the same way', async () => {
    const helm = fixture('flux-helmrelease-list.json');
    delete helm.items[1].status.history[0].chartVersion;
    serve(path =>
      path.endsWith('/kustomizations')
        ? HttpResponse.json(
            {
              kind: 'Status',
              code: 403,
              reason: 'Forbidden',
              message: 'forbidden',
            },
            { status: 403 },
          )
        : HttpResponse.json(helm),
    );
    const service = await refreshAndSummarize();
    const summary = await service.entitySummary(
      'resource:default/payments-prod',
      '7d',
      mockCredentials.user(),
    );
    // The Argo CD cluster's namespace does not draw on the Flux cluster.
    expect(summary.errors).toEqual([]);
    const sources = await service.sources();
    expect(
      sources.items.filter(s => s.lastError).map(s => [s.id, s.lastError]),
    ).toEqual([[`flux:${FLUX}`, expect.stringMatching(/^HTTP 403 /)]]);

    serve(path =>
      path.endsWith('/kustomizations')
        ? HttpResponse.json(list([]))
        : HttpResponse.json(helm),
    );
    const again = await refreshAndSummarize();
    expect(
      (await again.sources()).items
        .filter(s => s.lastError)
        .map(s => s.lastError),
    ).toEqual([
      expect.stringMatching(
        /^malformed HelmRelease default\/podinfo: status\.history\.0\.chartVersion: /,
      ),
    ]);
  });
});

describe('argoReconcilerSummary', () => {
  const app = {
    instance: 'argocd-1',
    name: 'payments-prod',
    project: 'payments',
    revisions: ['abc123'],
    url: 'https://argocd/applications/payments-prod',
  };
  it.each([
    ['Synced', 'Healthy', 'ready'],
    ['OutOfSync', 'Healthy', 'outOfSync'],
    ['Synced', 'Progressing', 'progressing'],
    ['OutOfSync', 'Degraded', 'failed'],
    ['Synced', 'Missing', 'failed'],
    ['Synced', 'Suspended', 'suspended'],
    ['Unknown', 'Unknown', 'unknown'],
  ])('maps sync %s and health %s to %s', (sync, health, state) => {
    expect(
      argoReconcilerSummary({ ...app, sync, health, healthMessage: 'm' }),
    ).toEqual({
      engine: 'argocd',
      kind: 'Application',
      name: 'payments-prod',
      instance: 'argocd-1',
      namespace: undefined,
      state,
      revision: 'abc123',
      message: 'm',
    });
  });

  it('counts across engines, each object once', () => {
    const argo = argoReconcilerSummary({
      ...app,
      sync: 'OutOfSync',
      health: 'Degraded',
    });
    expect(
      countReconcilers([
        argo,
        argo,
        { engine: 'flux', kind: 'HelmRelease', name: 'a', state: 'ready' },
      ]),
    ).toEqual({ total: 2, notReady: 1, failed: 1 });
  });
});
