import { TenancyClient } from './TenancyClient';

function setUp(respond: (url: string) => Response) {
  const calls: string[] = [];
  const client = TenancyClient.create({
    discoveryApi: { getBaseUrl: async () => 'http://backend/api/tenancy' },
    fetchApi: {
      fetch: async (input: any) => {
        calls.push(String(input));
        await new Promise(r => setTimeout(r, 5));
        return respond(String(input));
      },
    },
  });
  return { client, calls };
}

describe('TenancyClient', () => {
  it('asks for an entity summary by kind, namespace and name, with the window', async () => {
    const { client, calls } = setUp(() => Response.json({ entityRef: 'x' }));
    await client.getEntitySummary('Tenant:default/payments', { window: '30d' });
    await client.getTenantRequests('tenant:team-a/pay ments');
    await client.getFleet();
    await client.getProvisioningMetrics();
    expect(calls).toEqual([
      'http://backend/api/tenancy/v1/entities/tenant/default/payments/summary?window=30d',
      'http://backend/api/tenancy/v1/entities/tenant/team-a/pay%20ments/requests',
      'http://backend/api/tenancy/v1/tenants',
      'http://backend/api/tenancy/v1/provisioning/metrics',
    ]);
  });

  it('shares one call between identical requests in flight, not later ones', async () => {
    const { client, calls } = setUp(() => Response.json({ ok: true }));
    const answers = await Promise.all([
      client.getEntitySummary('tenant:default/payments'),
      client.getEntitySummary('tenant:default/payments'),
      client.getEntitySummary('tenant:default/payments', { window: '1d' }),
    ]);
    expect(answers[0]).toBe(answers[1]);
    expect(calls).toHaveLength(2);
    await client.getEntitySummary('tenant:default/payments');
    expect(calls).toHaveLength(3);
  });

  it('throws a ResponseError carrying the backend error', async () => {
    const { client } = setUp(() =>
      Response.json(
        {
          error: {
            name: 'InputError',
            message: 'window must be one of 1d, 7d, 30d, got "2d"',
          },
          response: { statusCode: 400 },
        },
        { status: 400, statusText: 'Bad Request' },
      ),
    );
    const error = await client.getFleet({ window: '2d' as any }).catch(e => e);
    expect(error.name).toBe('ResponseError');
    expect(error.statusCode).toBe(400);
    expect(error.cause.message).toBe(
      'window must be one of 1d, 7d, 30d, got "2d"',
    );
  });

  it("downloads a vCluster's kubeconfig as text, named as the backend says, asking no cache", async () => {
    const inits: RequestInit[] = [];
    const client = TenancyClient.create({
      discoveryApi: { getBaseUrl: async () => 'http://backend/api/tenancy' },
      fetchApi: {
        fetch: async (input: any, init?: RequestInit) => {
          inits.push(init ?? {});
          expect(String(input)).toBe(
            'http://backend/api/tenancy/v1/entities/resource/default/data-vc/kubeconfig',
          );
          return new Response('apiVersion: v1\nkind: Config\n', {
            headers: {
              'content-type': 'application/yaml',
              'content-disposition':
                'attachment; filename="data-vc.kubeconfig"',
            },
          });
        },
      },
    });
    expect(
      await client.getVClusterKubeconfig('resource:default/data-vc'),
    ).toEqual({
      filename: 'data-vc.kubeconfig',
      content: 'apiVersion: v1\nkind: Config\n',
    });
    expect(inits[0].cache).toBe('no-store');
  });

  it('throws the refusal of a kubeconfig download as a ResponseError', async () => {
    const { client } = setUp(() =>
      Response.json(
        {
          error: { name: 'NotAllowedError', message: 'Not allowed' },
          response: { statusCode: 403 },
        },
        { status: 403 },
      ),
    );
    const error = await client
      .getVClusterKubeconfig('resource:default/other-vc')
      .catch(e => e);
    expect(error.statusCode).toBe(403);
  });
});
