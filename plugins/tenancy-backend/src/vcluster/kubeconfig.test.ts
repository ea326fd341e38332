import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  catalogEntitiesFor,
  createSimulatorServer,
  simulatorBackendConfig,
  SimulatedWorld,
  SimulatorServer,
} from '@internal/upstream-simulators';
import {
  renderVClusterValues,
  tenancyVClusterKubeconfigReadPermission,
  VClusterBundleRequest,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { Server } from 'node:http';
import request from 'supertest';
import { parse } from 'yaml';
import { collectingAuditorFactory } from '../__testUtils__/collectingAuditorFactory';
import { smallWorld } from '../__testUtils__/startTenancyBackend';
import { tenancyPlugin } from '../plugin';
import { vclusterKubeconfigSecret } from './vclusterKubeconfigSecret';

jest.setTimeout(60_000);

const vclusterNamespace = (name: string, hosts: boolean) => ({
  name,
  tenant: name.startsWith('tenant-0000') ? 'tenant-0000' : 'tenant-0001',
  environment: 'dev',
  phase: 'Active' as const,
  labels: { 'kubernetes.io/metadata.name': name },
  quotas: [],
  limitRanges: [],
  ...(hosts ? { vcluster: name } : {}),
});

// tenant-0000's vCluster, tenant-0001's, and one of tenant-0000 whose
// control plane (and so its exported Secret) is not there.
const world: SimulatedWorld = {
  ...smallWorld,
  clusters: [
    {
      ...smallWorld.clusters[0],
      namespaces: [
        ...smallWorld.clusters[0].namespaces,
        vclusterNamespace('tenant-0000-vc-dev', true),
        vclusterNamespace('tenant-0001-vc-dev', true),
        vclusterNamespace('tenant-0000-vc-gone', false),
      ],
    },
  ],
};

/** The catalog's entities, the vClusters typed so and owned as the catalog relates them. */
const entities = catalogEntitiesFor(world).map((e: any) =>
  e.metadata.name.includes('-vc-')
    ? {
        ...e,
        spec: { ...e.spec, type: 'vcluster' },
        relations: [
          ...e.relations,
          { type: 'ownedBy', targetRef: e.spec.owner },
        ],
      }
    : e,
);

const groups: Record<string, string[]> = {
  'user:default/guest': [
    'user:default/guest',
    'group:default/team-tenant-0000',
  ],
  'user:default/other': [
    'user:default/other',
    'group:default/team-tenant-0001',
  ],
};

/**
 * The permission framework as the tenancy policy decides: reads allowed,
 * the kubeconfig CONDITIONAL on the catalog's ownership rule with the
 * user's groups.
 */
const permissions = mockServices.permissions.mock({
  // The Kubernetes backend's kubernetes.proxy, for the tenancy plugin.
  authorize: async (requests: any[]) =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW })),
  authorizeConditional: async (requests: any[], { credentials }: any) =>
    requests.map(r =>
      r.permission.name === tenancyVClusterKubeconfigReadPermission.name
        ? createCatalogConditionalDecision(
            tenancyVClusterKubeconfigReadPermission,
            catalogConditions.isEntityOwner({
              claims: groups[credentials.principal.userEntityRef] ?? [],
            }),
          )
        : { result: AuthorizeResult.ALLOW },
    ) as any,
});

describe('GET /api/tenancy/v1/entities/:kind/:namespace/:name/kubeconfig', () => {
  let sim: SimulatorServer;
  let server: Server;
  const { factory: auditor, events } = collectingAuditorFactory();

  beforeAll(async () => {
    sim = await createSimulatorServer({ getWorld: () => world });
    const config = simulatorBackendConfig(world, sim.url);
    ({ server } = await startTestBackend({
      features: [
        tenancyPlugin,
        kubernetesPlugin,
        permissions.factory,
        auditor,
        catalogServiceMock.factory({ entities: entities as any }),
        mockServices.rootConfig.factory({
          data: {
            ...config,
            tenancy: {
              ...config.tenancy,
              // Long enough for the first proxied call, which loads client-node.
              refresh: { callTimeout: { seconds: 20 }, retries: 0 },
            },
          },
        }),
      ],
    }));
  });
  afterAll(() => sim.close());
  beforeEach(() => {
    events.length = 0;
    sim.counter.paths.clear();
  });

  const secretReads = () =>
    [...sim.counter.paths.keys()].filter(p => p.includes('/secrets/'));
  const get = (name: string, user = 'user:default/guest') =>
    request(server)
      .get(`/api/tenancy/v1/entities/resource/default/${name}/kubeconfig`)
      .set('Authorization', mockCredentials.user.header(user));

  it("gives a member of the owning team the vCluster's kubeconfig as a download nobody stores, and audits it without the content", async () => {
    const res = await get('tenant-0000-vc-dev');
    expect(res.body.error?.message).toBeUndefined();
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="tenant-0000-vc-dev.kubeconfig"',
    );
    const kubeconfig = parse(res.text);
    expect(kubeconfig.kind).toBe('Config');
    expect(kubeconfig.clusters[0].cluster.server).toBe(
      'https://tenant-0000-vc-dev.tenant-0000-vc-dev.svc:443',
    );
    expect(secretReads()).toEqual([
      'kubernetes:cluster-1 /api/v1/namespaces/tenant-0000-vc-dev/secrets/tenant-0000-vc-dev-kubeconfig',
    ]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      eventId: 'vcluster-kubeconfig-read',
      severityLevel: 'high',
      status: 'succeeded',
      actor: { actorId: 'user:default/guest' },
      meta: {
        entityRef: 'resource:default/tenant-0000-vc-dev',
        cluster: 'cluster-1',
        namespace: 'tenant-0000-vc-dev',
        name: 'tenant-0000-vc-dev-kubeconfig',
      },
    });
    const audited = JSON.stringify(events);
    expect(audited).not.toContain(kubeconfig.users[0].user['client-key-data']);
  });

  it('refuses a member of another team with 403 naming the permission, and reads no Secret', async () => {
    const res = await get('tenant-0000-vc-dev', 'user:default/other');
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain(
      'tenancy.vcluster.kubeconfig.read',
    );
    expect(secretReads()).toEqual([]);
    expect(events).toMatchObject([
      {
        eventId: 'vcluster-kubeconfig-read',
        status: 'failed',
        actor: { actorId: 'user:default/other' },
        meta: { entityRef: 'resource:default/tenant-0000-vc-dev' },
      },
    ]);
  });

  it('answers 404 for an unknown entity and for one that is not a vCluster', async () => {
    for (const name of ['nope', 'tenant-0000-0-dev']) {
      const res = await get(name);
      expect({ name, status: res.status }).toEqual({ name, status: 404 });
    }
    expect(secretReads()).toEqual([]);
  });

  it('answers 502 naming the cluster and the Secret when the Secret cannot be read', async () => {
    const res = await get('tenant-0000-vc-gone');
    expect(res.status).toBe(502);
    expect(res.body.error.message).toContain(
      'Secret tenant-0000-vc-gone/tenant-0000-vc-gone-kubeconfig on cluster cluster-1',
    );
    expect(events).toMatchObject([{ status: 'failed' }]);
  });

  it('registers the permission, so policies and tools can list it', async () => {
    const res = await request(server)
      .get('/api/tenancy/.well-known/backstage/permissions/metadata')
      .set('Authorization', mockCredentials.service.header());
    expect(res.body.permissions).toContainEqual({
      type: 'resource',
      name: 'tenancy.vcluster.kubeconfig.read',
      attributes: { action: 'read' },
      resourceType: 'catalog-entity',
    });
  });

  it('reads the Secret the rendered vCluster values export', () => {
    const values = renderVClusterValues({
      namespace: 'tenant-0000-vc-dev',
      podSecurity: 'baseline',
      quota: {},
    } as Partial<VClusterBundleRequest> as VClusterBundleRequest);
    const [exported] = values.exportKubeConfig.additionalSecrets;
    const secret = vclusterKubeconfigSecret({
      cluster: 'cluster-1',
      namespace: 'tenant-0000-vc-dev',
    } as any);
    expect({ name: secret.name, namespace: secret.namespace }).toEqual({
      name: exported.name,
      namespace: exported.namespace,
    });
    // vCluster's default key of an additional secret.
    expect(exported.key ?? 'config').toBe(secret.key);
  });
});
