import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import {
  catalogEntitiesFor,
  createSimulatorServer,
  simulatorBackendConfig,
  SimulatorServer,
} from '@internal/upstream-simulators';
import request from 'supertest';
import { eventually } from '../__testUtils__/eventually';
import { exampleWorld } from '../__testUtils__/exampleWorld';
import { validateApiResponse } from '../__testUtils__/validateApiResponse';
import { tenancyPlugin } from '../plugin';

// The embedded default's world: its two vClusters on nonprod-eu-1,
// data-platform-vc-sandbox-dev and checkout-vc-preview-dev, each deployed by
// the chart Application of its folder (0.36.1).
const world = exampleWorld;
const VCLUSTER = 'resource:default/data-platform-vc-sandbox-dev';

jest.setTimeout(60_000);

describe('vCluster state in the summaries and the fleet', () => {
  let sim: SimulatorServer;
  beforeEach(async () => {
    sim = await createSimulatorServer({ getWorld: () => world });
  });
  afterEach(() => sim.close());

  async function start(pinned: string) {
    const config = simulatorBackendConfig(world, sim.url);
    const { server } = await startTestBackend({
      features: [
        tenancyPlugin,
        kubernetesPlugin,
        mockServices.scheduler.factory({
          includeInitialDelayedTasksOnStartup: true,
        }),
        catalogServiceMock.factory({
          entities: catalogEntitiesFor(world) as any,
        }),
        mockServices.rootConfig.factory({
          data: {
            ...config,
            tenancy: {
              ...config.tenancy,
              refresh: {
                callTimeout: { seconds: 30 },
                retries: 0,
                policyReports: false,
                drift: false,
              },
              policy: { vcluster: { chartVersion: pinned } },
            },
          },
        }),
      ],
    });
    return server;
  }

  const summary = (server: any) =>
    eventually(async () => {
      const res = await request(server).get(
        `/api/tenancy/v1/entities/resource/default/data-platform-vc-sandbox-dev/summary`,
      );
      expect(res.status).toBe(200);
      expect(res.body.namespaces[0].vcluster).toBeDefined();
      expect(res.body.namespaces[0].applications.length).toBeGreaterThan(0);
      return res.body;
    });

  it('reports a ready vCluster at the pinned chart with its Kubernetes version and chart application, and lists it in the fleet', async () => {
    const server = await start('0.36.1');
    const body = await summary(server);
    expect(validateApiResponse('EntitySummary', body)).toEqual([]);
    expect(body.namespaces[0].vcluster).toEqual({
      status: 'ready',
      replicas: 1,
      readyReplicas: 1,
      sleeping: false,
      chartVersion: '0.36.1',
      pinnedChartVersion: '0.36.1',
      behind: false,
      kubernetesVersion: 'v1.36.0',
      application: expect.objectContaining({
        name: 'vcluster-data-platform-vc-sandbox-dev',
        project: 'platform-vclusters',
      }),
    });

    const fleet = await request(server).get('/api/tenancy/v1/tenants');
    expect(fleet.status).toBe(200);
    expect(validateApiResponse('FleetResponse', fleet.body)).toEqual([]);
    expect(fleet.body.vclusters).toEqual([
      {
        entityRef: 'resource:default/checkout-vc-preview-dev',
        name: 'checkout-vc-preview-dev',
        tenant: 'tenant:default/checkout',
        environment: 'dev',
        cluster: 'nonprod-eu-1',
        namespace: 'checkout-vc-preview-dev',
        state: expect.objectContaining({ status: 'ready', behind: false }),
      },
      {
        entityRef: VCLUSTER,
        name: 'data-platform-vc-sandbox-dev',
        tenant: 'tenant:default/data-platform',
        environment: 'dev',
        cluster: 'nonprod-eu-1',
        namespace: 'data-platform-vc-sandbox-dev',
        state: expect.objectContaining({ status: 'ready', behind: false }),
      },
    ]);
  });

  it('marks a sleeping vCluster behind a newer pinned chart', async () => {
    sim.controls.vclusters = {
      'nonprod-eu-1': {
        'data-platform-vc-sandbox-dev': {
          sleeping: true,
          chartVersion: '0.36.0',
        },
      },
    };
    const server = await start('0.36.1');
    const body = await summary(server);
    expect(body.namespaces[0].vcluster).toMatchObject({
      status: 'sleeping',
      sleeping: true,
      replicas: 0,
      chartVersion: '0.36.0',
      behind: true,
    });
  });

  it('reports a control plane whose Pod is not ready', async () => {
    sim.controls.vclusters = {
      'nonprod-eu-1': { 'data-platform-vc-sandbox-dev': { notReady: true } },
    };
    const server = await start('0.36.1');
    const body = await summary(server);
    expect(body.namespaces[0].vcluster).toMatchObject({
      status: 'notReady',
      readyReplicas: 0,
      replicas: 1,
    });
  });
});
