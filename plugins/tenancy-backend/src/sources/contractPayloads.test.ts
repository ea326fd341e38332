import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { contractExample } from '../__testUtils__/contractExample';
import { kubernetesBackendClientAt } from '../__testUtils__/kubernetesBackendClientAt';
import { ArgoCdSource } from './argocd/ArgoCdSource';
import { CostSource } from './cost/CostSource';
import { KubernetesSource } from './kubernetes/KubernetesSource';
import { validateApiResponse } from '../__testUtils__/validateApiResponse';

const policy = { timeoutMs: 1000, retries: 0, backoffMs: 1 };
const server = setupServer();
registerMswTestHooks(server);

describe('sources parse the real upstream payloads of the contracts', () => {
  it('maps Argo CD applications, multi-source and plugin ones included, to clusters', async () => {
    server.use(
      http.get(
        'https://argocd.example.com/api/v1/applications',
        ({ request }) => {
          expect(new URL(request.url).searchParams.get('fields')).toContain(
            'items.spec.destination',
          );
          expect(request.headers.get('authorization')).toBe('Bearer t0ken');
          return HttpResponse.json(
            contractExample('argocd/examples/applications-list.json'),
          );
        },
      ),
    );
    const source = new ArgoCdSource(
      {
        name: 'main',
        url: 'https://argocd.example.com',
        auth: { token: 't0ken' },
      },
      [{ server: 'https://kubernetes.default.svc', cluster: 'prod-eu-1' }],
      policy,
    );
    const { applications } = await source.fetch();
    expect(applications.map(a => a.name)).toEqual([
      'checkout-web',
      'inventory-worker',
      'legacy-batch',
      'payments-api',
      'test-app',
      'velero-test',
    ]);
    const degraded = applications.find(a => a.name === 'checkout-web')!;
    expect(degraded).toMatchObject({
      instance: 'main',
      sync: 'Synced',
      health: 'Degraded',
    });
    const running = applications.find(a => a.name === 'inventory-worker')!;
    expect(running.operationPhase).toBe('Running');
    expect(applications.find(a => a.name === 'test-app')!.cluster).toBe(
      'prod-eu-1',
    );
    for (const app of applications)
      expect(app.revisions.length).toBeGreaterThan(0);
  });

  it('accepts the fields-projected sample, where only some keys are present', async () => {
    server.use(
      http.get('https://argocd.example.com/api/v1/applications', () =>
        HttpResponse.json(
          contractExample(
            'argocd/examples/applications-list.fields-projected.json',
          ),
        ),
      ),
    );
    const source = new ArgoCdSource(
      {
        name: 'main',
        url: 'https://argocd.example.com',
        auth: { token: 't' },
      },
      [],
      policy,
    );
    const { applications } = await source.fetch();
    expect(applications.find(a => a.name === 'legacy-batch')).toMatchObject({
      sync: 'OutOfSync',
      health: 'Degraded',
      operationPhase: 'Failed',
      cluster: undefined,
    });
  });

  it('reads OpenCost allocations and falls back to /allocation/compute on older releases', async () => {
    const seen: string[] = [];
    server.use(
      http.get('http://opencost.example.com:9003/allocation', ({ request }) => {
        seen.push(new URL(request.url).pathname);
        return new HttpResponse('404 page not found', { status: 404 });
      }),
      http.get(
        'http://opencost.example.com:9003/allocation/compute',
        ({ request }) => {
          seen.push(new URL(request.url).pathname);
          return HttpResponse.json(
            contractExample(
              'opencost/examples/allocation-compute.window-2d.aggregate-namespace.json',
            ),
          );
        },
      ),
    );
    const source = new CostSource(
      {
        name: 'oc',
        type: 'opencost',
        url: 'http://opencost.example.com:9003',
        cluster: 'prod-eu-1',
      },
      {
        currency: 'EUR',
        includeIdle: false,
        shareIdle: false,
        lookbackDays: 30,
      },
      policy,
    );
    const snapshot = await source.fetch();
    await source.fetch();
    expect(seen).toEqual([
      '/allocation',
      '/allocation/compute',
      '/allocation/compute',
    ]);
    expect(snapshot.currency).toBe('EUR');
    const keys = Object.keys(snapshot.namespaces);
    expect(keys.every(k => k.startsWith('prod-eu-1/'))).toBe(true);
    expect(keys).not.toContain('prod-eu-1/__idle__');
  });

  it('sums the 7-day OpenCost sample per namespace with its efficiency', async () => {
    const sample = contractExample(
      'opencost/examples/allocation.window-7d.aggregate-namespace.json',
    );
    server.use(
      http.get('http://opencost.example.com:9003/allocation', () =>
        HttpResponse.json(sample),
      ),
    );
    const source = new CostSource(
      { name: 'oc', type: 'opencost', url: 'http://opencost.example.com:9003' },
      {
        currency: 'USD',
        includeIdle: false,
        shareIdle: false,
        lookbackDays: 30,
      },
      policy,
    );
    const snapshot = await source.fetch();
    const kubeSystem = sample.data[0]['kube-system'];
    const [row] = snapshot.namespaces['default-cluster/kube-system'];
    expect(row![5]).toBeCloseTo(kubeSystem.totalCost, 5);
    expect(row![0]).toBeCloseTo(kubeSystem.cpuCost, 5);
    expect(snapshot.hasEfficiency).toBe(true);
  });

  it('keeps every field of the Kubernetes LimitRanges, `default` included, from the JSON the API server sends', async () => {
    const served = {
      namespaces: contractExample('kubernetes/examples/namespace-list.json'),
      resourcequotas: contractExample(
        'kubernetes/examples/resourcequota-list.all-namespaces.json',
      ),
      limitranges: contractExample('kubernetes/examples/limitrange-list.json'),
    };
    // The Kubernetes backend's proxy, in front of the cluster's API server.
    server.use(
      http.get(
        'http://backstage.example.com/api/kubernetes/proxy/api/v1/:resource',
        ({ request, params }) => {
          expect(request.headers.get('backstage-kubernetes-cluster')).toBe(
            'prod-eu-1',
          );
          expect(request.headers.get('authorization')).toBe(
            'Bearer mock-service-token:{"sub":"plugin:tenancy","target":"kubernetes"}',
          );
          expect(new URL(request.url).searchParams.get('limit')).toBe('500');
          return HttpResponse.json(
            served[params.resource as keyof typeof served],
          );
        },
      ),
    );
    const source = new KubernetesSource(
      'prod-eu-1',
      kubernetesBackendClientAt(
        'http://backstage.example.com/api/kubernetes',
        policy,
      ),
    );

    const { namespaces } = await source.fetch();

    for (const item of served.limitranges.items) {
      const { limitRanges } = namespaces[item.metadata.namespace];
      expect(limitRanges).toEqual([
        { name: item.metadata.name, limits: item.spec.limits },
      ]);
      // The summaries serve these records as they are.
      for (const range of limitRanges) {
        expect(validateApiResponse('LimitRangeSummary', range)).toEqual([]);
      }
    }
    expect(namespaces['team-payments'].limitRanges[0].limits[0]).toEqual({
      type: 'Container',
      default: { cpu: '500m', memory: '512Mi' },
      defaultRequest: { cpu: '100m', memory: '128Mi' },
      max: { cpu: '2', memory: '2Gi' },
      min: { cpu: '50m', memory: '64Mi' },
    });
    expect(namespaces['default-cpu-example'].limitRanges[0].limits[0]).toEqual({
      type: 'Container',
      default: { cpu: '1' },
      defaultRequest: { cpu: '500m' },
    });
    expect(namespaces['team-payments'].phase).toBe('Active');
    expect(namespaces['team-payments'].quotas[0].hard).toEqual(
      served.resourcequotas.items.find(
        (q: any) => q.metadata.namespace === 'team-payments',
      ).status.hard,
    );
  });
});
