import { tenantEntityV1alpha1Validator } from './tenantEntityV1alpha1Validator';

const validTenant = () => ({
  apiVersion: 'tenancy.io/v1alpha1',
  kind: 'Tenant',
  metadata: { name: 'payments', title: 'Payments' },
  spec: {
    owner: 'group:default/team-payments',
    costCenter: 'CC-1001',
    ssoGroup: 'payments-developers',
    environments: ['dev', 'staging', 'prod'],
    isolation: 'both',
    tier: 'medium',
    quotaBudget: { 'requests.cpu': '40', 'requests.memory': '128Gi' },
    allowedRegistries: [
      'ghcr.io/acme-payments/',
      'registry.acme.internal:5000/',
    ],
  },
});

describe('tenantEntityV1alpha1Validator', () => {
  it('accepts a complete tenant', async () => {
    await expect(
      tenantEntityV1alpha1Validator.check(validTenant()),
    ).resolves.toBe(true);
  });

  it('accepts a tenant with only the required fields', async () => {
    const tenant = validTenant();
    tenant.spec = { owner: 'team-payments', costCenter: 'CC-1001' } as any;
    await expect(tenantEntityV1alpha1Validator.check(tenant)).resolves.toBe(
      true,
    );
  });

  it('ignores entities of other kinds', async () => {
    await expect(
      tenantEntityV1alpha1Validator.check({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'x' },
        spec: {},
      }),
    ).resolves.toBe(false);
  });

  it.each([
    ['a missing owner', (t: any) => delete t.spec.owner, /owner/],
    [
      'a missing cost center',
      (t: any) => delete t.spec.costCenter,
      /costCenter/,
    ],
    [
      'an unknown isolation mode',
      (t: any) => (t.spec.isolation = 'clusters'),
      /isolation/,
    ],
    [
      'an environment that is not a DNS label',
      (t: any) => (t.spec.environments = ['Prod_1']),
      /environments/,
    ],
    [
      'a repeated environment',
      (t: any) => (t.spec.environments = ['dev', 'dev']),
      /environments/,
    ],
    [
      'an unknown spec field',
      (t: any) => (t.spec.namespaces = ['a']),
      /namespaces|additional/,
    ],
    [
      'a registry without the trailing slash',
      (t: any) => (t.spec.allowedRegistries = ['ghcr.io/acme']),
      /allowedRegistries/,
    ],
    [
      'a registry with a scheme',
      (t: any) => (t.spec.allowedRegistries = ['https://ghcr.io/acme/']),
      /allowedRegistries/,
    ],
    [
      'a repeated registry',
      (t: any) => (t.spec.allowedRegistries = ['ghcr.io/a/', 'ghcr.io/a/']),
      /allowedRegistries/,
    ],
    [
      'a non-string budget',
      (t: any) => (t.spec.quotaBudget = { 'requests.cpu': 4 }),
      /quotaBudget/,
    ],
  ])('rejects %s, naming the field', async (_name, mutate, message) => {
    const tenant = validTenant();
    mutate(tenant);
    await expect(tenantEntityV1alpha1Validator.check(tenant)).rejects.toThrow(
      message,
    );
  });
});
