import { validateUpstreamResponse } from '../__testUtils__/validateUpstreamResponse';
import {
  createSimulatorServer,
  DEFAULT_SIMULATOR_CREDENTIALS,
  SimulatorServer,
} from '../createSimulatorServer';
import { generateWorld } from '../world/generateWorld';

const k8sAuth = {
  authorization: `Bearer ${DEFAULT_SIMULATOR_CREDENTIALS.kubernetesToken}`,
};

const world = generateWorld({
  clusters: 1,
  namespaces: 6,
  namespacesPerTenant: 3,
  argocdInstances: 1,
  applications: 12,
  costInstances: 'single',
});
const withApps = world.argocd[0].applications[0].destination.namespace;
// The node-exporter DaemonSet runs in the system namespace monitoring.
world.clusters[0].namespaces.push({
  name: 'monitoring',
  phase: 'Active',
  labels: { 'kubernetes.io/metadata.name': 'monitoring' },
  quotas: [],
  limitRanges: [],
});
// A vCluster's host namespace.
world.clusters[0].namespaces.push({
  name: 'tenant-0000-vc-dev',
  phase: 'Active',
  labels: { 'kubernetes.io/metadata.name': 'tenant-0000-vc-dev' },
  quotas: [],
  limitRanges: [],
  vcluster: 'tenant-0000-vc-dev',
});

describe('the workloads of the simulated clusters', () => {
  let sim: SimulatorServer;
  beforeAll(async () => {
    sim = await createSimulatorServer({ getWorld: () => world });
  });
  afterAll(() => sim.close());

  const list = async (path: string) => {
    const res = await fetch(`${sim.url}/k8s/cluster-1/${path}`, {
      headers: k8sAuth,
    });
    return { status: res.status, body: await res.json() };
  };

  it.each([
    ['api/v1', 'pods', 'kubernetes', 'io.k8s.api.core.v1.PodList'],
    ['api/v1', 'services', 'kubernetes', 'io.k8s.api.core.v1.ServiceList'],
    ['api/v1', 'configmaps', 'kubernetes', 'io.k8s.api.core.v1.ConfigMapList'],
    [
      'apis/apps/v1',
      'deployments',
      'kubernetes-apps',
      'io.k8s.api.apps.v1.DeploymentList',
    ],
    [
      'apis/apps/v1',
      'replicasets',
      'kubernetes-apps',
      'io.k8s.api.apps.v1.ReplicaSetList',
    ],
    [
      'apis/apps/v1',
      'statefulsets',
      'kubernetes-apps',
      'io.k8s.api.apps.v1.StatefulSetList',
    ],
    [
      'apis/apps/v1',
      'daemonsets',
      'kubernetes-apps',
      'io.k8s.api.apps.v1.DaemonSetList',
    ],
    [
      'apis/networking.k8s.io/v1',
      'ingresses',
      'kubernetes-networking',
      'io.k8s.api.networking.v1.IngressList',
    ],
  ] as const)(
    'serves %s/%s, for all namespaces and for one, following the Kubernetes OpenAPI',
    async (group, resource, spec, schema) => {
      const all = await list(`${group}/${resource}`);
      expect(all.status).toBe(200);
      expect(all.body.items.length).toBeGreaterThan(0);
      expect(validateUpstreamResponse(spec, schema, all.body)).toEqual([]);
      const one = await list(`${group}/namespaces/${withApps}/${resource}`);
      expect(validateUpstreamResponse(spec, schema, one.body)).toEqual([]);
      expect(
        one.body.items.every((i: any) => i.metadata.namespace === withApps),
      ).toBe(true);
    },
  );

  it.each([
    [
      'apis/autoscaling/v2',
      'horizontalpodautoscalers',
      'HorizontalPodAutoscalerList',
    ],
    ['apis/batch/v1', 'jobs', 'JobList'],
    ['apis/batch/v1', 'cronjobs', 'CronJobList'],
  ])('serves %s/%s as an empty %s', async (group, resource, kind) => {
    const { status, body } = await list(
      `${group}/namespaces/${withApps}/${resource}`,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      kind,
      apiVersion: group.replace('apis/', ''),
      items: [],
    });
  });

  it('links each Deployment to its ReplicaSet and Pods by owner references and labels', async () => {
    const ns = `namespaces/${withApps}`;
    const deployments = (await list(`apis/apps/v1/${ns}/deployments`)).body
      .items;
    const replicaSets = (await list(`apis/apps/v1/${ns}/replicasets`)).body
      .items;
    const pods = (await list(`api/v1/${ns}/pods`)).body.items;
    const services = (await list(`api/v1/${ns}/services`)).body.items;
    const apps = world.argocd[0].applications.filter(
      a => a.destination.namespace === withApps,
    );
    expect(deployments.map((d: any) => d.metadata.name)).toEqual(
      apps.map(a => a.name),
    );
    for (const deployment of deployments) {
      const rs = replicaSets.filter(
        (r: any) =>
          r.metadata.ownerReferences[0].uid === deployment.metadata.uid,
      );
      expect(rs).toHaveLength(1);
      const owned = pods.filter(
        (p: any) => p.metadata.ownerReferences[0].uid === rs[0].metadata.uid,
      );
      expect(owned).toHaveLength(deployment.spec.replicas);
      for (const pod of owned) {
        expect(pod.metadata.labels).toMatchObject(
          deployment.spec.selector.matchLabels,
        );
      }
      const service = services.find(
        (s: any) => s.metadata.name === deployment.metadata.name,
      );
      expect(service.spec.selector).toEqual(
        deployment.spec.selector.matchLabels,
      );
    }
    const uids = [...deployments, ...replicaSets, ...pods, ...services].map(
      (o: any) => o.metadata.uid,
    );
    expect(new Set(uids).size).toBe(uids.length);
  });

  it("runs a vCluster's control plane in its host namespace", async () => {
    const ns = 'namespaces/tenant-0000-vc-dev';
    const statefulSets = (await list(`apis/apps/v1/${ns}/statefulsets`)).body;
    const pods = (await list(`api/v1/${ns}/pods`)).body;
    const services = (await list(`api/v1/${ns}/services`)).body;
    expect(
      validateUpstreamResponse(
        'kubernetes-apps',
        'io.k8s.api.apps.v1.StatefulSetList',
        statefulSets,
      ),
    ).toEqual([]);
    expect(statefulSets.items.map((i: any) => i.metadata.name)).toEqual([
      'tenant-0000-vc-dev',
    ]);
    expect(pods.items.map((i: any) => i.metadata.name)).toEqual([
      'tenant-0000-vc-dev-0',
    ]);
    expect(pods.items[0].metadata.ownerReferences[0].uid).toBe(
      statefulSets.items[0].metadata.uid,
    );
    expect(services.items[0].spec.ports[0]).toMatchObject({
      port: 443,
      targetPort: 8443,
    });
    expect((await list(`apis/apps/v1/${ns}/deployments`)).body.items).toEqual(
      [],
    );
  });

  it('labels the control plane as the vcluster chart does, and puts it to sleep or makes it not ready on request', async () => {
    const ns = 'namespaces/tenant-0000-vc-dev';
    const controlPlanes = async () => {
      const { body } = await list(
        'apis/apps/v1/statefulsets?labelSelector=app%3Dvcluster',
      );
      expect(
        validateUpstreamResponse(
          'kubernetes-apps',
          'io.k8s.api.apps.v1.StatefulSetList',
          body,
        ),
      ).toEqual([]);
      return body.items;
    };
    const [awake] = await controlPlanes();
    expect(awake.metadata.labels).toEqual({
      app: 'vcluster',
      chart: 'vcluster-0.36.1',
      release: 'tenant-0000-vc-dev',
      heritage: 'Helm',
    });
    expect(awake.spec.selector.matchLabels).toEqual({
      app: 'vcluster',
      release: 'tenant-0000-vc-dev',
    });
    expect(awake.spec.template.spec.initContainers[0].image).toBe(
      'ghcr.io/loft-sh/kubernetes:v1.36.0',
    );
    expect(awake.status).toMatchObject({ replicas: 1, readyReplicas: 1 });

    try {
      sim.controls.vclusters = {
        'cluster-1': {
          'tenant-0000-vc-dev': { sleeping: true, chartVersion: '0.36.0' },
        },
      };
      const [asleep] = await controlPlanes();
      expect(asleep.metadata.annotations).toMatchObject({
        'loft.sh/paused-replicas': '1',
      });
      expect(asleep.metadata.labels.chart).toBe('vcluster-0.36.0');
      expect(asleep.spec.replicas).toBe(0);
      expect(asleep.status.readyReplicas).toBe(0);
      expect((await list(`api/v1/${ns}/pods`)).body.items).toEqual([]);

      sim.controls.vclusters = {
        'cluster-1': { 'tenant-0000-vc-dev': { notReady: true } },
      };
      const [notReady] = await controlPlanes();
      expect(notReady.spec.replicas).toBe(1);
      expect(notReady.status.readyReplicas).toBe(0);
      const [pod] = (await list(`api/v1/${ns}/pods`)).body.items;
      expect(
        pod.status.conditions.find((c: any) => c.type === 'Ready').status,
      ).toBe('False');
    } finally {
      sim.controls.vclusters = {};
    }
  });

  it('filters by labelSelector as the API server does', async () => {
    const path = `api/v1/namespaces/${withApps}/pods`;
    const all = (await list(path)).body.items;
    const app = world.argocd[0].applications[0].name;
    const q = (selector: string) =>
      list(`${path}?labelSelector=${encodeURIComponent(selector)}`);
    expect((await q('!tenancy.io/unlisted')).body.items).toEqual(all);
    const ofApp = (await q(`app.kubernetes.io/instance=${app}`)).body.items;
    expect(ofApp.length).toBeGreaterThanOrEqual(2);
    expect(
      ofApp.every(
        (p: any) => p.metadata.labels['app.kubernetes.io/instance'] === app,
      ),
    ).toBe(true);
    expect(
      (await q(`app.kubernetes.io/instance notin (${app})`)).body.items,
    ).toHaveLength(all.length - ofApp.length);
    expect((await q('backstage.io/kubernetes-id=nothing')).body.items).toEqual(
      [],
    );
    const bad = await q('a=(b');
    expect(bad.status).toBe(400);
    expect(
      validateUpstreamResponse(
        'kubernetes',
        'io.k8s.apimachinery.pkg.apis.meta.v1.Status',
        bad.body,
      ),
    ).toEqual([]);
  });
});
