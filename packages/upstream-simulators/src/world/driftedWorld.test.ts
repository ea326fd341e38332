import { validateUpstreamResponse } from '../__testUtils__/validateUpstreamResponse';
import {
  createSimulatorServer,
  DEFAULT_SIMULATOR_CREDENTIALS,
  SimulatorServer,
} from '../createSimulatorServer';
import { generateWorld } from './generateWorld';

const k8sAuth = {
  authorization: `Bearer ${DEFAULT_SIMULATOR_CREDENTIALS.kubernetesToken}`,
};

const world = generateWorld({
  clusters: 2,
  namespaces: 12,
  namespacesPerTenant: 3,
  argocdInstances: 1,
  applications: 12,
  costInstances: 'single',
});
const [like, missing, relabelled, requota] = world.clusters[0].namespaces.map(
  n => n.name,
);

describe('drift: the clusters changed by hand', () => {
  let sim: SimulatorServer;
  beforeEach(async () => {
    sim = await createSimulatorServer({ getWorld: () => world });
  });
  afterEach(() => sim.close());

  const get = async (cluster: string, path: string) => {
    const res = await fetch(`${sim.url}/k8s/${cluster}/${path}`, {
      headers: k8sAuth,
    });
    return res.json();
  };
  const put = (body: unknown) =>
    fetch(`${sim.url}/__simulator/controls`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const byName = (list: any, name: string) =>
    list.items.find(
      (i: any) => (i.metadata.namespace ?? i.metadata.name) === name,
    );

  const drift = {
    'cluster-1': {
      orphans: [{ namespace: 'scratch', tenant: 'tenant-0000', like }],
      missing: [missing],
      labels: {
        [relabelled]: {
          'tenancy.io/environment': 'prod',
          'tenancy.io/tenant': null,
        },
      },
      quotas: {
        [requota]: { 'tenant-quota': { 'requests.cpu': '64', pods: null } },
      },
      limitRanges: {
        [requota]: {
          'tenant-limits': [
            { type: 'Container', default: { cpu: '1', memory: '1Gi' } },
          ],
        },
      },
    },
  };

  it('adds orphans, removes missing namespaces and edits labels, quotas and limit ranges, as the API server would serve them', async () => {
    const before = {
      namespaces: await get('cluster-1', 'api/v1/namespaces'),
      quotas: await get('cluster-1', 'api/v1/resourcequotas'),
      other: await get('cluster-2', 'api/v1/resourcequotas'),
    };
    expect((await put({ drift })).status).toBe(200);

    const namespaces = await get('cluster-1', 'api/v1/namespaces');
    const quotas = await get('cluster-1', 'api/v1/resourcequotas');
    const ranges = await get('cluster-1', 'api/v1/limitranges');
    expect(
      validateUpstreamResponse(
        'kubernetes',
        'io.k8s.api.core.v1.NamespaceList',
        namespaces,
      ),
    ).toEqual([]);
    for (const [list, schema] of [
      [quotas, 'ResourceQuotaList'],
      [ranges, 'LimitRangeList'],
    ]) {
      expect(
        validateUpstreamResponse(
          'kubernetes',
          `io.k8s.api.core.v1.${schema}`,
          list,
        ),
      ).toEqual([]);
    }

    const orphan = byName(namespaces, 'scratch');
    expect(orphan.metadata.labels).toEqual({
      ...byName(before.namespaces, like).metadata.labels,
      'kubernetes.io/metadata.name': 'scratch',
    });
    expect(byName(quotas, 'scratch').spec.hard).toEqual(
      byName(before.quotas, like).spec.hard,
    );

    expect(byName(namespaces, missing)).toBeUndefined();
    expect(byName(quotas, missing)).toBeUndefined();
    expect(
      await get('cluster-1', `api/v1/namespaces/${missing}/resourcequotas`),
    ).toMatchObject({ items: [] });

    const labels = byName(namespaces, relabelled).metadata.labels;
    expect(labels['tenancy.io/environment']).toBe('prod');
    expect(labels['tenancy.io/tenant']).toBeUndefined();

    const quota = byName(quotas, requota);
    const hard = { ...byName(before.quotas, requota).spec.hard };
    delete hard.pods;
    expect(quota.spec.hard).toEqual({ ...hard, 'requests.cpu': '64' });
    expect(quota.status.hard).toEqual(quota.spec.hard);
    expect(Object.keys(quota.status.used).sort()).toEqual(
      Object.keys(hard).sort(),
    );
    expect(byName(ranges, requota).spec.limits).toEqual([
      { type: 'Container', default: { cpu: '1', memory: '1Gi' } },
    ]);

    expect(await get('cluster-2', 'api/v1/resourcequotas')).toEqual(
      before.other,
    );

    // The policy reports follow: the orphan's Namespace is reported on,
    // the one that lost its tenant label no longer is.
    const reported = (
      await get(
        'cluster-1',
        'apis/wgpolicyk8s.io/v1alpha2/clusterpolicyreports',
      )
    ).items.map((r: any) => r.scope.name);
    expect(reported).toContain('scratch');
    expect(reported).not.toContain(relabelled);

    await put({ drift: {} });
    expect(await get('cluster-1', 'api/v1/namespaces')).toEqual(
      before.namespaces,
    );
  });

  it('names the field it rejects', async () => {
    const bad = await put({
      drift: { 'cluster-1': { orphans: [{ namespace: 'x' }] } },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toBe(
      'drift.cluster-1.orphans[0].tenant must be a non-empty string',
    );
    const unknown = await put({ drift: { 'cluster-1': { orphan: [] } } });
    expect((await unknown.json()).error).toBe(
      'drift.cluster-1.orphan must be one of orphans, missing, labels, quotas, limitRanges',
    );
  });
});
