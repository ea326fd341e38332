import {
  coreServices,
  createBackendModule,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import { kubernetesClusterSupplierExtensionPoint } from '@backstage/plugin-kubernetes-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  catalogEntitiesFor,
  createSimulatorServer,
  DEFAULT_SIMULATOR_CREDENTIALS,
  quotaUsed,
  SimulatorServer,
} from '@internal/upstream-simulators';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { smallWorld } from '../../__testUtils__/startTenancyBackend';
import { tenancyPlugin } from '../../plugin';

/**
 * `kubectl proxy` in front of the simulator: serves the cluster API without
 * authentication, authenticating to the cluster itself.
 */
async function startKubectlProxy(target: string) {
  const seen: Array<string | undefined> = [];
  const server: Server = createServer(async (req, res) => {
    seen.push(req.headers.authorization);
    const upstream = await fetch(`${target}${req.url}`, {
      headers: {
        authorization: `Bearer ${DEFAULT_SIMULATOR_CREDENTIALS.kubernetesToken}`,
      },
    });
    res.writeHead(upstream.status, { 'content-type': 'application/json' });
    res.end(await upstream.text());
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

/** The tenancy plugin's scheduler and logger, as the plugin sees them. */
function capture() {
  const captured: { scheduler?: SchedulerService; warn?: jest.SpyInstance } =
    {};
  const module = createBackendModule({
    pluginId: 'tenancy',
    moduleId: 'test-capture',
    register(env) {
      env.registerInit({
        deps: {
          scheduler: coreServices.scheduler,
          logger: coreServices.logger,
        },
        async init({ scheduler, logger }) {
          captured.scheduler = scheduler;
          captured.warn = jest.spyOn(logger as LoggerService, 'warn');
        },
      });
    },
  });
  return { module, captured };
}

jest.setTimeout(60_000);

describe('the clusters of the Kubernetes backend', () => {
  let sim: SimulatorServer;
  let proxy: Awaited<ReturnType<typeof startKubectlProxy>>;
  beforeEach(async () => {
    sim = await createSimulatorServer({ getWorld: () => smallWorld });
    proxy = await startKubectlProxy(sim.url);
  });
  afterEach(async () => {
    await proxy.close();
    await sim.close();
  });

  it('reads a cluster of the catalog locator through kubectl proxy, and leaves out one that needs the user', async () => {
    // A kubernetes-cluster Resource as the catalog locator finds it; its
    // API server is kubectl proxy (auth provider localKubectlProxy).
    const clusterEntity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'cluster-1',
        namespace: 'default',
        annotations: {
          'kubernetes.io/api-server': `${proxy.url}/k8s/cluster-1`,
          'kubernetes.io/api-server-certificate-authority': '',
          'kubernetes.io/auth-provider': 'localKubectlProxy',
        },
      },
      spec: { type: 'kubernetes-cluster', owner: 'group:default/platform' },
    };
    const { module, captured } = capture();
    const { server } = await startTestBackend({
      features: [
        tenancyPlugin,
        kubernetesPlugin,
        module,
        catalogServiceMock.factory({
          entities: [
            ...(catalogEntitiesFor(smallWorld) as any[]),
            clusterEntity,
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            kubernetes: {
              serviceLocatorMethod: { type: 'multiTenant' },
              clusterLocatorMethods: [
                { type: 'catalog', dangerouslyAllowClusterUrls: ['127.0.0.1'] },
                {
                  type: 'config',
                  clusters: [
                    {
                      name: 'cluster-sso',
                      url: 'https://sso.k8s.example.com',
                      authProvider: 'oidc',
                      oidcTokenProvider: 'okta',
                    },
                  ],
                },
              ],
            },
            tenancy: { refresh: { callTimeout: { seconds: 20 }, retries: 0 } },
          },
        }),
      ],
    });

    await captured.scheduler!.triggerTask('tenancy-refresh-sources');
    await captured.scheduler!.triggerTask('tenancy-refresh-sources');

    const sources = await request(server).get('/api/tenancy/v1/sources');
    expect(sources.status).toBe(200);
    const kubernetes = sources.body.items.filter(
      (s: any) => s.kind === 'kubernetes',
    );
    expect(kubernetes).toEqual([
      expect.objectContaining({ id: 'kubernetes:cluster-1', stale: false }),
    ]);
    expect(kubernetes[0].lastError).toBeUndefined();
    expect(
      sources.body.items.find((s: any) => s.id === 'policy:cluster-1'),
    ).toEqual(expect.objectContaining({ stale: false }));
    // A refresh makes three lists, the vCluster control planes' list and
    // five policy calls (four report lists, Gatekeeper's discovery), all
    // through kubectl proxy.
    expect(sim.counter.calls.get('kubernetes:cluster-1')).toBe(18);
    // No credential of Backstage reaches the cluster (the proxy drops it).
    expect(proxy.seen).toEqual(Array(18).fill(undefined));

    const summary = await request(server).get(
      '/api/tenancy/v1/entities/resource/default/tenant-0000-0-dev/summary',
    );
    expect(summary.status).toBe(200);
    const ns = smallWorld.clusters[0].namespaces.find(
      n => n.name === 'tenant-0000-0-dev',
    )!;
    const cpu = summary.body.namespaces[0].quota.resources.find(
      (r: any) => r.resource === 'requests.cpu',
    );
    expect(cpu.hard).toBe(ns.quotas[0].hard['requests.cpu']);
    expect(cpu.used).toBe(
      quotaUsed('cluster-1', ns.name, ns.quotas[0].hard)['requests.cpu'],
    );

    const warnings = captured.warn!.mock.calls.map(c => String(c[0]));
    expect(warnings.filter(w => w.includes('cluster-sso'))).toEqual([
      expect.stringContaining(
        "cluster cluster-sso is not aggregated: its authProvider oidc authenticates with the signed-in user's token",
      ),
    ]);
  });

  it('keeps the clusters of the last refresh when the cluster list fails', async () => {
    // The Kubernetes backend's cluster supplier, failing when told to.
    let failing = false;
    const supplier = createBackendModule({
      pluginId: 'kubernetes',
      moduleId: 'test-supplier',
      register(env) {
        env.registerInit({
          deps: { clusters: kubernetesClusterSupplierExtensionPoint },
          async init({ clusters }) {
            clusters.addClusterSupplier({
              async getClusters() {
                if (failing) throw new Error('cluster inventory unavailable');
                return [
                  {
                    name: 'cluster-1',
                    url: `${sim.url}/k8s/cluster-1`,
                    authMetadata: {
                      'kubernetes.io/auth-provider': 'serviceAccount',
                      serviceAccountToken:
                        DEFAULT_SIMULATOR_CREDENTIALS.kubernetesToken,
                    },
                  },
                ];
              },
            });
          },
        });
      },
    });
    const { module, captured } = capture();
    const { server } = await startTestBackend({
      features: [
        tenancyPlugin,
        kubernetesPlugin,
        supplier,
        module,
        catalogServiceMock.factory({
          entities: catalogEntitiesFor(smallWorld) as any[],
        }),
        mockServices.rootConfig.factory({
          data: {
            kubernetes: {
              serviceLocatorMethod: { type: 'multiTenant' },
              clusterLocatorMethods: [],
            },
            tenancy: { refresh: { callTimeout: { seconds: 20 }, retries: 0 } },
          },
        }),
      ],
    });
    await captured.scheduler!.triggerTask('tenancy-refresh-sources');
    failing = true;
    await captured.scheduler!.triggerTask('tenancy-refresh-sources');

    const sources = await request(server).get('/api/tenancy/v1/sources');
    const cluster = sources.body.items.find(
      (s: any) => s.id === 'kubernetes:cluster-1',
    );
    expect(cluster.lastSuccessAt).toBeDefined();
    expect(cluster.lastError).toMatch(
      /^HTTP 500 from \/api\/kubernetes\/proxy\/api\/v1\/.*: cluster inventory unavailable$/,
    );
    expect(cluster.stale).toBe(true);
    const warnings = captured.warn!.mock.calls.map(c => String(c[0]));
    expect(warnings).toContain(
      "Tenancy: the Kubernetes backend's cluster list failed, refreshing the clusters of the last refresh (cluster-1): HTTP 500 from /api/kubernetes/clusters: cluster inventory unavailable",
    );
  });
});
