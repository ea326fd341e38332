import { createMockDirectory } from '@backstage/backend-test-utils';
import { LocalGitPublisher } from '@tenancy-plugins/backstage-plugin-tenancy-node';
import request from 'supertest';
import { startTenancyBackend } from '../__testUtils__/startTenancyBackend';
import { validateApiResponse } from '../__testUtils__/validateApiResponse';

const policy = {
  environments: {
    dev: {
      clusters: ['cluster-1'],
      ceiling: {
        'requests.cpu': '8',
        'limits.cpu': '16',
        'requests.memory': '16Gi',
        'limits.memory': '32Gi',
      },
    },
  },
  quotaSizes: {
    S: {
      'requests.cpu': '1',
      'limits.cpu': '2',
      'requests.memory': '1Gi',
      'limits.memory': '2Gi',
    },
  },
  nodePools: ['general'],
};

jest.setTimeout(30_000);

describe('wizard checks', () => {
  const dir = createMockDirectory();
  let server: any;
  let publisher: LocalGitPublisher;

  beforeAll(async () => {
    dir.setContent({ seed: { 'README.md': 'gitops\n' } });
    publisher = await LocalGitPublisher.open({
      path: `${dir.path}/repo`,
      seedFrom: `${dir.path}/seed`,
    });
    await publisher.publish({
      branch: 'tenancy/tenant-0000/tenant-0000-api-dev',
      title: 'New namespace tenant-0000-api-dev',
      body: 'body',
      files: {
        'tenants/tenant-0000/dev/tenant-0000-api-dev/namespace.yaml':
          'kind: Namespace\n',
      },
      fingerprint: 'f',
      whenOpenDiffers: 'conflict',
    });
    server = await startTenancyBackend({
      policy,
      gitops: { publisher: { type: 'local', path: `${dir.path}/repo` } },
    });
  });

  const check = async (body: object) => {
    const res = await request(server)
      .post('/api/tenancy/v1/provisioning/namespace-check')
      .send({
        tenant: 'tenant:default/tenant-0000',
        environment: 'dev',
        ...body,
      });
    expect(res.status).toBe(200);
    expect(validateApiResponse('NamespaceCheckResponse', res.body)).toEqual([]);
    // The simulated tenants have no SSO group; that is reported, not the subject here.
    return {
      ...res.body,
      problems: res.body.problems
        .filter((p: any) => p.field !== 'tenant.ssoGroup')
        .map((p: any) => `${p.field} ${p.rule}`),
    };
  };

  it('serves the policy the fields offer', async () => {
    const res = await request(server).get(
      '/api/tenancy/v1/provisioning/policy',
    );
    expect(res.status).toBe(200);
    expect(validateApiResponse('ProvisioningPolicyResponse', res.body)).toEqual(
      [],
    );
    expect(res.body.environments.dev).toMatchObject({
      clusters: ['cluster-1'],
      ceiling: { 'requests.cpu': '8' },
    });
    expect(res.body.quotaSizes.S['limits.cpu']).toBe('2');
  });

  it('says a free, valid name is available', async () => {
    await expect(check({ name: 'web' })).resolves.toEqual({
      namespace: 'tenant-0000-web-dev',
      problems: [],
      available: true,
    });
  });

  it('says a name is taken by a catalogued namespace or an open request', async () => {
    await expect(check({ name: '0' })).resolves.toMatchObject({
      namespace: 'tenant-0000-0-dev',
      available: false,
      conflict: expect.stringContaining('exists on cluster-1'),
    });
    await expect(check({ name: 'api' })).resolves.toMatchObject({
      available: false,
      conflict: expect.stringContaining('open request #1'),
    });
  });

  it('names the field and rule of a bad name or quota', async () => {
    const bad = await check({ name: 'Web_1' });
    expect(bad.problems).toContain('name dns-1123');
    expect(bad.available).toBeUndefined();
    const tooLong = await check({ name: 'x'.repeat(60) });
    expect(tooLong.problems).toContain('name dns-1123');
    const quota = await check({
      name: 'web',
      quota: {
        'requests.cpu': '10',
        'limits.cpu': '4',
        'requests.memory': '1Gi',
        'limits.memory': '1Gi',
      },
    });
    expect(quota.problems).toEqual(
      expect.arrayContaining([
        'quota.requests.cpu ceiling',
        'quota.requests.cpu requests-within-limits',
      ]),
    );
    const env = await check({ environment: 'qa' });
    expect(env.problems).toContain('environment unknown-environment');
  });

  it('resolves a quota size on the server and checks the values it resolves to', async () => {
    const sized = await check({ name: 'web', size: 'S' });
    expect(sized.quota).toEqual({
      'requests.cpu': '1',
      'limits.cpu': '2',
      'requests.memory': '1Gi',
      'limits.memory': '2Gi',
    });
    expect(sized.problems).toEqual([]);
    const overridden = await check({
      name: 'web',
      size: 'S',
      quota: { 'requests.cpu': '9' },
    });
    expect(overridden.quota).toMatchObject({
      'requests.cpu': '9',
      'limits.cpu': '2',
    });
    expect(overridden.problems).toEqual(
      expect.arrayContaining([
        'quota.requests.cpu ceiling',
        'quota.requests.cpu requests-within-limits',
      ]),
    );
    const unknown = await check({ name: 'web', size: 'XXL' });
    expect(unknown.problems).toContain('size known-size');
    const without = await check({ name: 'web' });
    expect(without.quota).toBeUndefined();
  });

  it('refuses unknown tenants', async () => {
    const res = await request(server)
      .post('/api/tenancy/v1/provisioning/namespace-check')
      .send({ tenant: 'tenant:default/nobody', environment: 'dev' });
    expect(res.status).toBe(404);
  });
});

describe("the wizard's budget check", () => {
  const dir = createMockDirectory();

  it("answers what is left of the tenant's budget, and refuses a quota past it", async () => {
    dir.setContent({
      seed: {
        'tenants/tenant-0000/dev/tenant-0000-dev/resourcequota.yaml':
          'apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: tenant-quota\nspec:\n  hard:\n    requests.cpu: "2"\n',
      },
    });
    await LocalGitPublisher.open({
      path: `${dir.path}/repo`,
      seedFrom: `${dir.path}/seed`,
    });
    const server = await startTenancyBackend(
      {
        policy,
        gitops: { publisher: { type: 'local', path: `${dir.path}/repo` } },
      },
      all =>
        all.map(e =>
          e.kind === 'Tenant' && e.metadata.name === 'tenant-0000'
            ? {
                ...e,
                spec: { ...e.spec, quotaBudget: { 'requests.cpu': '3' } },
              }
            : e,
        ),
    );
    const check = async (quota: object) => {
      const res = await request(server)
        .post('/api/tenancy/v1/provisioning/namespace-check')
        .send({
          tenant: 'tenant:default/tenant-0000',
          environment: 'dev',
          name: 'web',
          ...quota,
        });
      expect(res.status).toBe(200);
      expect(validateApiResponse('NamespaceCheckResponse', res.body)).toEqual(
        [],
      );
      return res.body;
    };
    const within = await check({ size: 'S' });
    expect(within.budget).toEqual([
      {
        resource: 'requests.cpu',
        budget: '3',
        used: '2',
        requested: '1',
        remaining: '0',
      },
    ]);
    expect(within.problems.map((p: any) => p.rule)).not.toContain(
      'tenant-budget',
    );
    const past = await check({ size: 'S', quota: { 'requests.cpu': '2' } });
    expect(past.budget[0].remaining).toBe('-1');
    expect(past.problems).toContainEqual(
      expect.objectContaining({
        field: 'quota.requests.cpu',
        rule: 'tenant-budget',
      }),
    );
  });
});
