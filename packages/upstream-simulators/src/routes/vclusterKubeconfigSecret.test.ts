import { parse } from 'yaml';
import { validateUpstreamResponse } from '../__testUtils__/validateUpstreamResponse';
import {
  createSimulatorServer,
  DEFAULT_SIMULATOR_CREDENTIALS,
  SimulatorServer,
} from '../createSimulatorServer';
import { generateWorld } from '../world/generateWorld';

const world = generateWorld({
  clusters: 1,
  namespaces: 2,
  namespacesPerTenant: 2,
  argocdInstances: 1,
  applications: 2,
  costInstances: 'single',
});
const plain = world.clusters[0].namespaces[0].name;
world.clusters[0].namespaces.push({
  name: 'tenant-0000-vc-dev',
  phase: 'Active',
  labels: { 'kubernetes.io/metadata.name': 'tenant-0000-vc-dev' },
  quotas: [],
  limitRanges: [],
  vcluster: 'tenant-0000-vc-dev',
});

describe("the simulated vClusters' exported kubeconfig Secrets", () => {
  let sim: SimulatorServer;
  beforeAll(async () => {
    sim = await createSimulatorServer({ getWorld: () => world });
  });
  afterAll(() => sim.close());

  const get = async (
    path: string,
    token = DEFAULT_SIMULATOR_CREDENTIALS.kubernetesToken,
  ) => {
    const res = await fetch(`${sim.url}/k8s/cluster-1/api/v1/${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: res.status, body: await res.json() };
  };

  it('serves the Secret by name, following the Kubernetes OpenAPI, with a kubeconfig that points at the vCluster Service', async () => {
    const { status, body } = await get(
      'namespaces/tenant-0000-vc-dev/secrets/tenant-0000-vc-dev-kubeconfig',
    );
    expect(status).toBe(200);
    expect(
      validateUpstreamResponse('kubernetes', 'io.k8s.api.core.v1.Secret', body),
    ).toEqual([]);
    expect(body).toMatchObject({
      type: 'Opaque',
      metadata: {
        name: 'tenant-0000-vc-dev-kubeconfig',
        namespace: 'tenant-0000-vc-dev',
        labels: { app: 'vcluster', 'vcluster-name': 'tenant-0000-vc-dev' },
      },
    });
    const kubeconfig = parse(
      Buffer.from(body.data.config, 'base64').toString(),
    );
    expect(kubeconfig.clusters[0].cluster.server).toBe(
      'https://tenant-0000-vc-dev.tenant-0000-vc-dev.svc:443',
    );
    expect(kubeconfig['current-context']).toBe('tenant-0000-vc-dev');
    expect(Buffer.from(body.data['client-key'], 'base64').toString()).toContain(
      '-----BEGIN EC PRIVATE KEY-----',
    );
  });

  it('answers 404 as the API server does for any other Secret or namespace, and does not list Secrets', async () => {
    for (const path of [
      'namespaces/tenant-0000-vc-dev/secrets/other',
      `namespaces/${plain}/secrets/${plain}-kubeconfig`,
    ]) {
      const { status, body } = await get(path);
      expect({ path, status }).toEqual({ path, status: 404 });
      expect(
        validateUpstreamResponse(
          'kubernetes',
          'io.k8s.apimachinery.pkg.apis.meta.v1.Status',
          body,
        ),
      ).toEqual([]);
    }
    for (const path of ['namespaces/tenant-0000-vc-dev/secrets', 'secrets']) {
      const res = await fetch(`${sim.url}/k8s/cluster-1/api/v1/${path}`, {
        headers: {
          authorization: `Bearer ${DEFAULT_SIMULATOR_CREDENTIALS.kubernetesToken}`,
        },
      });
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
  });

  it('refuses a caller without the cluster credential', async () => {
    const { status } = await get(
      'namespaces/tenant-0000-vc-dev/secrets/tenant-0000-vc-dev-kubeconfig',
      'wrong',
    );
    expect(status).toBe(401);
  });
});
