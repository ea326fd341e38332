import { CacheManager } from '@backstage/backend-defaults/cache';
import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { contractExample } from '../../__testUtils__/contractExample';
import { kubernetesBackendClientAt } from '../../__testUtils__/kubernetesBackendClientAt';
import { refreshSources } from '../../snapshots/refreshSources';
import { SnapshotStore } from '../../snapshots/SnapshotStore';
import { KubernetesSource } from './KubernetesSource';
import { VClusterSource } from './VClusterSource';

const server = setupServer();
registerMswTestHooks(server);

const BASE = 'http://backstage.example.com/api/kubernetes';
const STATEFULSETS = `${BASE}/proxy/apis/apps/v1/statefulsets`;
const client = () =>
  kubernetesBackendClientAt(BASE, {
    timeoutMs: 1000,
    retries: 0,
    backoffMs: 1,
  });

/** A vCluster control plane StatefulSet as the vcluster chart 0.36 renders it and the API server returns it. */
function controlPlane(
  namespace: string,
  options: {
    chart?: string;
    replicas?: number;
    readyReplicas?: number;
    annotations?: Record<string, string>;
  } = {},
) {
  const { replicas = 1, readyReplicas = replicas } = options;
  return {
    metadata: {
      name: namespace,
      namespace,
      uid: `uid-${namespace}`,
      resourceVersion: '7',
      generation: 1,
      creationTimestamp: '2026-11-02T10:00:00Z',
      labels: {
        app: 'vcluster',
        chart: options.chart ?? 'vcluster-0.36.1',
        release: namespace,
        heritage: 'Helm',
      },
      ...(options.annotations && { annotations: options.annotations }),
    },
    spec: {
      replicas,
      serviceName: `${namespace}-headless`,
      podManagementPolicy: 'Parallel',
      selector: { matchLabels: { app: 'vcluster', release: namespace } },
      template: {
        metadata: { labels: { app: 'vcluster', release: namespace } },
        spec: {
          initContainers: [
            { name: 'kubernetes', image: 'ghcr.io/loft-sh/kubernetes:v1.36.0' },
          ],
          containers: [
            { name: 'syncer', image: 'ghcr.io/loft-sh/vcluster-oss:0.36.1' },
          ],
        },
      },
    },
    status: {
      observedGeneration: 1,
      replicas,
      ...(readyReplicas > 0 && { readyReplicas }),
      currentReplicas: replicas,
      updatedReplicas: replicas,
    },
  };
}

/** A tenant's own StatefulSet, which the selector leaves out. */
const postgres = {
  metadata: {
    name: 'payments-db',
    namespace: 'team-payments',
    labels: { 'app.kubernetes.io/name': 'postgres' },
  },
  spec: { replicas: 3, selector: {}, template: {}, serviceName: 'db' },
  status: { replicas: 3, readyReplicas: 2 },
};

/** The given control planes and a tenant's StatefulSet, filtered by `labelSelector` as the API server does, in pages of one. */
function serveStatefulSets(controlPlanes: any[], seen: URL[] = []) {
  const all: any[] = [postgres, ...controlPlanes];
  server.use(
    http.get(STATEFULSETS, ({ request }) => {
      const url = new URL(request.url);
      seen.push(url);
      const [key, value] = (url.searchParams.get('labelSelector') ?? '=').split(
        '=',
      );
      const items = all.filter(i => !key || i.metadata.labels?.[key] === value);
      const start = Number(url.searchParams.get('continue') ?? 0);
      const more = start + 1 < items.length;
      return HttpResponse.json({
        kind: 'StatefulSetList',
        apiVersion: 'apps/v1',
        metadata: {
          resourceVersion: '9182801',
          ...(more && { continue: String(start + 1) }),
        },
        items: items.slice(start, start + 1),
      });
    }),
  );
  return seen;
}

describe('VClusterSource', () => {
  it('lists the control planes labelled app=vcluster for all namespaces and reads their state, chart and Kubernetes version', async () => {
    const seen = serveStatefulSets([
      controlPlane('payments-vc-dev', { chart: 'vcluster-0.36.0' }),
      controlPlane('data-vc-sandbox', {
        replicas: 0,
        annotations: {
          'loft.sh/paused-replicas': '1',
          'loft.sh/paused-date': '2026-11-30T18:00:00Z',
        },
      }),
      controlPlane('search-vc-prod', { replicas: 1, readyReplicas: 0 }),
    ]);
    const snapshot = await new VClusterSource('prod-eu-1', client()).fetch();

    expect(seen.map(u => u.searchParams.get('labelSelector'))).toEqual([
      'app=vcluster',
      'app=vcluster',
      'app=vcluster',
    ]);
    expect(seen[0].searchParams.get('limit')).toBe('500');
    expect(snapshot.cluster).toBe('prod-eu-1');
    expect(Object.keys(snapshot.namespaces).sort()).toEqual([
      'data-vc-sandbox',
      'payments-vc-dev',
      'search-vc-prod',
    ]);
    expect(snapshot.namespaces['payments-vc-dev']).toEqual([
      {
        namespace: 'payments-vc-dev',
        release: 'payments-vc-dev',
        replicas: 1,
        readyReplicas: 1,
        sleeping: false,
        chartVersion: '0.36.0',
        kubernetesVersion: 'v1.36.0',
      },
    ]);
    expect(snapshot.namespaces['data-vc-sandbox'][0]).toMatchObject({
      replicas: 0,
      readyReplicas: 0,
      sleeping: true,
    });
    expect(snapshot.namespaces['search-vc-prod'][0]).toMatchObject({
      replicas: 1,
      readyReplicas: 0,
      sleeping: false,
    });
  });

  it("fails alone when the list is refused or malformed: the cluster's Kubernetes source is still read", async () => {
    const forbidden = contractExample('kubernetes/examples/status-errors.json')[
      '403_rbac_forbidden_list'
    ].body;
    server.use(
      http.get(STATEFULSETS, () =>
        HttpResponse.json(
          {
            ...forbidden,
            message:
              'statefulsets.apps is forbidden: User "system:serviceaccount:backstage:backstage" cannot list resource "statefulsets" in API group "apps" at the cluster scope',
            details: { group: 'apps', kind: 'statefulsets' },
          },
          { status: 403 },
        ),
      ),
      http.get(`${BASE}/proxy/api/v1/:resource`, ({ params }) =>
        HttpResponse.json({
          kind: 'List',
          apiVersion: 'v1',
          metadata: {},
          items:
            params.resource === 'namespaces'
              ? [
                  {
                    metadata: { name: 'payments-vc-dev' },
                    status: { phase: 'Active' },
                  },
                ]
              : [],
        }),
      ),
    );
    const stored = new SnapshotStore(
      CacheManager.fromConfig(
        new ConfigReader({ backend: { cache: { store: 'memory' } } }),
      ).forPlugin('tenancy'),
    );
    const sources = [
      new KubernetesSource('prod-eu-1', client()),
      new VClusterSource('prod-eu-1', client()),
    ];
    const index = await refreshSources({
      sources,
      store: stored,
      logger: mockServices.logger.mock(),
    });
    expect(index.sources['vcluster:prod-eu-1'].lastError).toBe(
      'HTTP 403 from /api/kubernetes/proxy/apis/apps/v1/statefulsets: statefulsets.apps is forbidden: User "system:serviceaccount:backstage:backstage" cannot list resource "statefulsets" in API group "apps" at the cluster scope',
    );
    expect(index.sources['kubernetes:prod-eu-1'].lastError).toBeUndefined();
    expect(index.sources['kubernetes:prod-eu-1'].lastSuccessAt).toBeDefined();

    server.use(
      http.get(STATEFULSETS, () =>
        HttpResponse.json({
          kind: 'StatefulSetList',
          apiVersion: 'apps/v1',
          metadata: {},
          items: [
            { ...controlPlane('payments-vc-dev'), spec: { replicas: 'one' } },
          ],
        }),
      ),
    );
    const error = await sources[1].fetch().catch(e => e);
    expect(error.message).toBe(
      'malformed StatefulSetList: items.0.spec.replicas: Invalid input: expected number, received string',
    );
  });
});
