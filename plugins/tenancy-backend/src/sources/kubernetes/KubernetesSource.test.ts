import {
  createSimulatorServer,
  DEFAULT_SIMULATOR_CREDENTIALS,
  generateWorld,
  SimulatorServer,
} from '@internal/upstream-simulators';
import { KubernetesSource } from './KubernetesSource';

const world = generateWorld({
  clusters: 1,
  namespaces: 1100,
  namespacesPerTenant: 5,
  argocdInstances: 1,
  applications: 0,
  costInstances: 'single',
});

describe('KubernetesSource', () => {
  let sim: SimulatorServer;
  beforeEach(async () => {
    sim = await createSimulatorServer({ getWorld: () => world });
  });
  afterEach(() => sim.close());

  const source = (token: string) =>
    new KubernetesSource(
      {
        name: 'cluster-1',
        url: `${sim.url}/k8s/cluster-1`,
        serviceAccountToken: token,
        skipTLSVerify: true,
      },
      { timeoutMs: 5000, retries: 0, backoffMs: 1 },
    );

  it('pages through a large cluster, 500 items a call', async () => {
    const snapshot = await source(
      DEFAULT_SIMULATOR_CREDENTIALS.kubernetesToken,
    ).fetch();
    expect(Object.keys(snapshot.namespaces)).toHaveLength(1100);
    expect(sim.counter.calls.get('kubernetes:cluster-1')).toBe(9);
    const ns = snapshot.namespaces['tenant-0219-4-staging'];
    expect(ns.phase).toBe('Active');
    expect(ns.quotas[0].hard['requests.cpu']).toBeDefined();
    const simulated = world.clusters[0].namespaces.find(
      n => n.name === 'tenant-0219-4-staging',
    )!;
    expect(ns.limitRanges).toEqual(simulated.limitRanges);
    expect(ns.limitRanges[0].limits[0]).toMatchObject({
      type: 'Container',
      default: { cpu: '500m', memory: '512Mi' },
      defaultRequest: { cpu: '100m', memory: '128Mi' },
    });
  });

  it('names the status and the message of a refused call, not the token', async () => {
    const error = await source('wrong-token')
      .fetch()
      .catch(e => e);
    expect(error.message).toBe('HTTP 401: Unauthorized');
    expect(error.message).not.toContain('wrong-token');
  });
});
