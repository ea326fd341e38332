import {
  createSimulatorServer,
  generateWorld,
  simulatorBackendConfig,
  SimulatorServer,
} from '@internal/upstream-simulators';
import { startKubernetesBackend } from '../../__testUtils__/startKubernetesBackend';
import { KubernetesSource } from './KubernetesSource';

const world = generateWorld({
  clusters: 1,
  namespaces: 1100,
  namespacesPerTenant: 5,
  argocdInstances: 1,
  applications: 0,
  costInstances: 'single',
});

jest.setTimeout(30_000);

describe('KubernetesSource', () => {
  let sim: SimulatorServer;
  beforeEach(async () => {
    sim = await createSimulatorServer({ getWorld: () => world });
  });
  afterEach(() => sim.close());

  const source = async (credentials?: any) => {
    const { kubernetes } = simulatorBackendConfig(world, sim.url, {
      credentials,
    });
    const backend = await startKubernetesBackend(kubernetes);
    return new KubernetesSource('cluster-1', backend.client());
  };

  it('pages through a large cluster through the Kubernetes backend, 500 items a call', async () => {
    const snapshot = await (await source()).fetch();
    expect(Object.keys(snapshot.namespaces)).toHaveLength(1100);
    expect(sim.counter.calls.get('kubernetes:cluster-1')).toBe(9);
    const ns = snapshot.namespaces['tenant-0219-4-staging'];
    expect(ns.phase).toBe('Active');
    expect(ns.quotas[0].hard['requests.cpu']).toBeDefined();
    const simulated = world.clusters[0].namespaces.find(
      n => n.name === 'tenant-0219-4-staging',
    )!;
    expect(ns.limitRanges).toEqual(simulated.limitRanges);
    expect(ns.labels).toEqual(simulated.labels);
    expect(ns.labels?.['tenancy.io/tenant']).toBe(simulated.tenant);
    expect(ns.quotas.map(q => q.spec)).toEqual(
      simulated.quotas.map(q => q.hard),
    );
    expect(ns.limitRanges[0].limits[0]).toMatchObject({
      type: 'Container',
      default: { cpu: '500m', memory: '512Mi' },
      defaultRequest: { cpu: '100m', memory: '128Mi' },
    });
  });

  it('names the status and the message of a refused call, not the token', async () => {
    const error = await (
      await source({
        kubernetesToken: 'wrong-token',
        argocdToken: 'x',
        argocdUsername: 'x',
        argocdPassword: 'x',
      })
    )
      .fetch()
      .catch(e => e);
    expect(error.message).toMatch(
      /^HTTP 401 from \/api\/kubernetes\/proxy\/api\/v1\/(namespaces|resourcequotas|limitranges): Unauthorized$/,
    );
    expect(error.message).not.toContain('wrong-token');
  });

  it('names a cluster the Kubernetes backend does not know', async () => {
    const { kubernetes } = simulatorBackendConfig(world, sim.url);
    const backend = await startKubernetesBackend(kubernetes);
    const error = await new KubernetesSource('elsewhere', backend.client())
      .fetch()
      .catch(e => e);
    expect(error.message).toMatch(
      /^HTTP 404 from .*: Cluster 'elsewhere' not found$/,
    );
  });
});
