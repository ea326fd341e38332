import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateUpstreamResponse } from './__testUtils__/validateUpstreamResponse';
import {
  createSimulatorServer,
  DEFAULT_SIMULATOR_CREDENTIALS,
  SimulatorServer,
} from './createSimulatorServer';
import { applicationStatus } from './world/applicationStatus';
import { generateWorld } from './world/generateWorld';

const credentials = DEFAULT_SIMULATOR_CREDENTIALS;
const k8sAuth = { authorization: `Bearer ${credentials.kubernetesToken}` };
const argoAuth = { authorization: `Bearer ${credentials.argocdToken}` };

const world = generateWorld({
  clusters: 2,
  namespaces: 12,
  namespacesPerTenant: 3,
  argocdInstances: 2,
  applications: 20,
  costInstances: 'single',
});

describe('createSimulatorServer', () => {
  let sim: SimulatorServer;
  beforeEach(async () => {
    sim = await createSimulatorServer({ getWorld: () => world });
  });
  afterEach(() => sim.close());

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${sim.url}${path}`, { headers });

  it.each([
    ['namespaces', 'io.k8s.api.core.v1.NamespaceList'],
    ['resourcequotas', 'io.k8s.api.core.v1.ResourceQuotaList'],
    ['limitranges', 'io.k8s.api.core.v1.LimitRangeList'],
  ])(
    'serves %s lists that follow the Kubernetes OpenAPI',
    async (resource, schema) => {
      const res = await get(`/k8s/cluster-1/api/v1/${resource}`, k8sAuth);
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.items).toHaveLength(6);
      expect(validateUpstreamResponse('kubernetes', schema, body)).toEqual([]);
    },
  );

  it('serves LimitRanges with the API field names (`default`, as in the contract example)', async () => {
    const res = await get('/k8s/cluster-1/api/v1/limitranges', k8sAuth);
    const [range] = (await res.json()).items;
    const [limit] = range.spec.limits;
    expect(Object.keys(limit).sort()).toEqual([
      'default',
      'defaultRequest',
      'type',
    ]);
    expect(limit.default).toEqual({ cpu: '500m', memory: '512Mi' });
  });

  it('reports quota usage below or near the hard limits', async () => {
    const res = await get('/k8s/cluster-1/api/v1/resourcequotas', k8sAuth);
    const { items } = await res.json();
    const [quota] = items;
    expect(Object.keys(quota.status.used).sort()).toEqual(
      Object.keys(quota.status.hard).sort(),
    );
    expect(quota.status.used.pods).toMatch(/^\d+$/);
  });

  it('uses the quotaUse control for the quotas of a namespace', async () => {
    const ns = world.clusters[0].namespaces[0];
    const put = (body: unknown) =>
      fetch(`${sim.url}/__simulator/controls`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect(
      (await put({ quotaUse: { 'cluster-1': { [ns.name]: 0.5 } } })).status,
    ).toBe(200);
    const res = await get(
      `/k8s/cluster-1/api/v1/namespaces/${ns.name}/resourcequotas`,
      k8sAuth,
    );
    const [quota] = (await res.json()).items;
    expect(Number(quota.status.used.pods)).toBe(
      Number(quota.status.hard.pods) / 2,
    );
    expect(quota.status.used['requests.memory']).toBe(
      `${parseInt(quota.status.hard['requests.memory'], 10) / 2}Gi`,
    );
    const bad = await put({ quotaUse: { 'cluster-1': { [ns.name]: -1 } } });
    expect((await bad.json()).error).toBe(
      `quotaUse.cluster-1.${ns.name} must be a number >= 0`,
    );
  });

  it('checks the vclusters control, naming the field and the rule', async () => {
    const put = async (body: unknown) =>
      (
        await fetch(`${sim.url}/__simulator/controls`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).json();
    expect(
      (await put({ vclusters: { 'cluster-1': { vc: { sleeping: 'yes' } } } }))
        .error,
    ).toBe('vclusters.cluster-1.vc.sleeping must be true or false');
    expect(
      (
        await put({
          vclusters: { 'cluster-1': { vc: { chartVersion: 'latest' } } },
        })
      ).error,
    ).toBe(
      'vclusters.cluster-1.vc.chartVersion must be a chart version such as 0.36.1',
    );
    expect(
      (await put({ vclusters: { 'cluster-1': { vc: { paused: true } } } }))
        .error,
    ).toBe(
      'vclusters.cluster-1.vc.paused must be one of sleeping, notReady, chartVersion',
    );
    expect(
      (await put({ vclusters: { 'cluster-1': { vc: { notReady: true } } } }))
        .vclusters,
    ).toEqual({ 'cluster-1': { vc: { notReady: true } } });
    await put({ vclusters: {} });
  });

  it('pages lists with limit and continue', async () => {
    const first = await (
      await get('/k8s/cluster-1/api/v1/namespaces?limit=4', k8sAuth)
    ).json();
    expect(first.items).toHaveLength(4);
    expect(first.metadata.remainingItemCount).toBe(2);
    const second = await (
      await get(
        `/k8s/cluster-1/api/v1/namespaces?limit=4&continue=${first.metadata.continue}`,
        k8sAuth,
      )
    ).json();
    expect(second.items.map((n: any) => n.metadata.name)).not.toContain(
      first.items[0].metadata.name,
    );
    expect(second.metadata.continue).toBeUndefined();
  });

  it('answers Kubernetes calls without the token with a 401 Status', async () => {
    const res = await get('/k8s/cluster-1/api/v1/namespaces', {
      authorization: 'Bearer wrong',
    });
    expect(res.status).toBe(401);
    expect(
      validateUpstreamResponse(
        'kubernetes',
        'io.k8s.apimachinery.pkg.apis.meta.v1.Status',
        await res.json(),
      ),
    ).toEqual([]);
  });

  it('serves Argo CD application lists that follow the Swagger', async () => {
    const res = await get('/argocd/argocd-1/api/v1/applications', argoAuth);
    const body = await res.json();
    expect(body.items.length).toBeGreaterThan(0);
    expect(
      validateUpstreamResponse('argocd', 'v1alpha1ApplicationList', body),
    ).toEqual([]);
    const multi = body.items.find((a: any) => a.spec.sources);
    expect(multi.status.sync.revisions).toHaveLength(multi.spec.sources.length);
  });

  it('reports the applications of a namespace merged after its first list as Synced and Healthy, the others as before', async () => {
    const [instance] = world.argocd;
    // Namespace names whose applications the stable spread would not
    // report Synced and Healthy.
    const unwell = instance.applications.filter(a => {
      const s = applicationStatus(instance.name, a.name);
      return s.sync !== 'Synced' || s.health !== 'Healthy';
    });
    expect(unwell.length).toBeGreaterThan(0);
    const merged = unwell.map(a => ({
      ...a,
      name: `${a.name}-merged`,
      destination: { ...a.destination, namespace: `${a.name}-merged` },
    }));
    // The same stable spread would leave some of the merged ones unwell.
    expect(
      merged.some(
        a => applicationStatus(instance.name, a.name).sync !== 'Synced',
      ),
    ).toBe(true);
    let current = world;
    const server = await createSimulatorServer({ getWorld: () => current });
    try {
      const statuses = async () => {
        const res = await fetch(
          `${server.url}/argocd/${instance.name}/api/v1/applications`,
          { headers: argoAuth },
        );
        const body = await res.json();
        return new Map<string, string>(
          body.items.map((a: any) => [
            a.metadata.name,
            `${a.status.sync.status}/${a.status.health.status}`,
          ]),
        );
      };
      const before = await statuses();
      current = {
        ...world,
        argocd: [
          { ...instance, applications: [...instance.applications, ...merged] },
          ...world.argocd.slice(1),
        ],
      };
      const after = await statuses();
      for (const app of merged) {
        expect([app.name, after.get(app.name)]).toEqual([
          app.name,
          'Synced/Healthy',
        ]);
      }
      for (const app of unwell) {
        expect(after.get(app.name)).toBe(before.get(app.name));
        expect(after.get(app.name)).not.toBe('Synced/Healthy');
      }
    } finally {
      await server.close();
    }
  });

  it('projects Argo CD lists with fields, as the contract sample does', async () => {
    const fields =
      'items.metadata.name,items.spec.project,items.status.sync.status,items.status.health,items.status.operationState.phase,items.status.operationState.finishedAt';
    const res = await get(
      `/argocd/argocd-1/api/v1/applications?fields=${fields}`,
      argoAuth,
    );
    const body = await res.json();
    const sample = JSON.parse(
      readFileSync(
        resolve(
          __dirname,
          '../../../contracts/argocd/examples/applications-list.fields-projected.json',
        ),
        'utf8',
      ),
    );
    const keysOf = (item: any) => ({
      top: Object.keys(item).sort(),
      metadata: Object.keys(item.metadata).sort(),
      spec: Object.keys(item.spec).sort(),
      status: Object.keys(item.status).sort(),
    });
    expect(keysOf(body.items[0])).toEqual(keysOf(sample.items[0]));
  });

  it('filters Argo CD lists by project', async () => {
    const res = await get(
      '/argocd/argocd-1/api/v1/applications?projects=tenant-0000',
      argoAuth,
    );
    const body = await res.json();
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((a: any) => a.spec.project === 'tenant-0000')).toBe(
      true,
    );
  });

  it('filters Argo CD lists by label selector, as labels.Parse reads it', async () => {
    const names = async (selector: string) => {
      const res = await get(
        `/argocd/argocd-1/api/v1/applications?selector=${encodeURIComponent(
          selector,
        )}`,
        argoAuth,
      );
      return { status: res.status, body: await res.json() };
    };
    const all = (await names('')).body.items.length;
    const one = await names('tenancy.io/tenant in (tenant-0000)');
    expect(one.body.items.length).toBeGreaterThan(0);
    expect(one.body.items.length).toBeLessThan(all);
    const others = await names('tenancy.io/tenant!=tenant-0000');
    expect(one.body.items.length + others.body.items.length).toBe(all);
    const bad = await names('tenancy.io/tenant in tenant-0000');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe(3);
    expect(
      validateUpstreamResponse('argocd', 'runtimeError', bad.body),
    ).toEqual([]);
  });

  it('issues Argo CD session tokens for the right password only', async () => {
    const post = (password: string) =>
      fetch(`${sim.url}/argocd/argocd-1/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          username: credentials.argocdUsername,
          password,
        }),
      });
    expect(await (await post(credentials.argocdPassword)).json()).toEqual({
      token: credentials.argocdToken,
    });
    const denied = await post('nope');
    expect(denied.status).toBe(401);
    expect(
      validateUpstreamResponse('argocd', 'runtimeError', await denied.json()),
    ).toEqual([]);
  });

  it('serves OpenCost allocations by namespace that follow the spec, one set per day', async () => {
    const res = await get(
      '/opencost/opencost/allocation?window=7d&aggregate=namespace&step=1d',
    );
    const body = await res.json();
    expect(
      validateUpstreamResponse('opencost', 'AllocationResponse', body),
    ).toEqual([]);
    expect(body.data).toHaveLength(7);
    expect(Object.keys(body.data[0])).toHaveLength(12);
  });

  it('serves Kubecost allocations by cluster and namespace with idle', async () => {
    const res = await get(
      '/kubecost/opencost/model/allocation?window=1d&aggregate=cluster,namespace&accumulate=true',
    );
    const body = await res.json();
    expect(
      validateUpstreamResponse('opencost', 'AllocationResponse', body),
    ).toEqual([]);
    expect(body.data).toHaveLength(1);
    expect(Object.keys(body.data[0])).toContain(
      'cluster-2/tenant-0000-1-staging',
    );
    expect(Object.keys(body.data[0])).toContain('__idle__');
  });

  it('rejects an illegal window as OpenCost does', async () => {
    const res = await get('/opencost/opencost/allocation?window=soon');
    expect(res.status).toBe(400);
    expect(await res.text()).toBe(
      "Invalid 'window' parameter: illegal window: soon",
    );
  });

  describe('faults', () => {
    it('answers 500 with the upstream error body', async () => {
      sim.controls.faults['cost:opencost'] = 'http500';
      const res = await get('/opencost/opencost/allocation?window=1d');
      expect(res.status).toBe(500);
      expect(
        validateUpstreamResponse('opencost', 'ErrorResponse', await res.json()),
      ).toEqual([]);
    });

    it('answers garbage that does not follow the spec', async () => {
      sim.controls.faults['kubernetes:cluster-1'] = 'garbage';
      const res = await get('/k8s/cluster-1/api/v1/resourcequotas', k8sAuth);
      expect(res.status).toBe(200);
      expect(
        validateUpstreamResponse(
          'kubernetes',
          'io.k8s.api.core.v1.ResourceQuotaList',
          await res.json(),
        ),
      ).not.toEqual([]);
    });

    it('answers 401 even with the right token', async () => {
      sim.controls.faults['argocd:argocd-2'] = 'unauthorized';
      const res = await get('/argocd/argocd-2/api/v1/applications', argoAuth);
      expect(res.status).toBe(401);
      const other = await get('/argocd/argocd-1/api/v1/applications', argoAuth);
      expect(other.status).toBe(200);
    });

    it('drops the connection or never answers', async () => {
      sim.controls.faults['kubernetes:cluster-2'] = 'disconnect';
      await expect(
        get('/k8s/cluster-2/api/v1/namespaces', k8sAuth),
      ).rejects.toThrow();
      sim.controls.faults['kubernetes:cluster-2'] = 'timeout';
      await expect(
        fetch(`${sim.url}/k8s/cluster-2/api/v1/namespaces`, {
          headers: k8sAuth,
          signal: AbortSignal.timeout(200),
        }),
      ).rejects.toThrow();
    });

    it('adds latency and counts calls per target', async () => {
      sim.controls.latencyMs = 50;
      const started = Date.now();
      await get('/k8s/cluster-1/api/v1/namespaces', k8sAuth);
      expect(Date.now() - started).toBeGreaterThanOrEqual(45);
      await get('/opencost/opencost/allocation?window=1d');
      const stats = await (await get('/__simulator/stats')).json();
      expect(stats).toEqual({
        total: 2,
        calls: { 'kubernetes:cluster-1': 1, 'cost:opencost': 1 },
      });
    });

    it('takes controls over HTTP and names the field it rejects', async () => {
      const put = (body: unknown) =>
        fetch(`${sim.url}/__simulator/controls`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const bad = await put({ faults: { 'cost:opencost': 'explode' } });
      expect(bad.status).toBe(400);
      expect((await bad.json()).error).toMatch(
        /^faults\.cost:opencost must be one of/,
      );
      expect((await put({ latencyMs: 5 })).status).toBe(200);
      expect(sim.controls.latencyMs).toBe(5);
    });
  });
});
