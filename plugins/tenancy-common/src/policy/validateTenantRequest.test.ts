import { policy } from './__testUtils__/namespaceRequest';
import {
  TenantRequestInput,
  validateTenantRequest,
} from './validateTenantRequest';

const request = (
  patch: Partial<TenantRequestInput> = {},
): TenantRequestInput => ({
  name: 'search',
  title: 'Search',
  owner: 'group:default/team-search',
  costCenter: 'CC-1234',
  ssoGroup: 'search-developers',
  environments: ['dev'],
  namespaces: [
    {
      environment: 'dev',
      cluster: 'nonprod-eu-1',
      name: 'api',
      quota: {
        'requests.cpu': '1',
        'limits.cpu': '2',
        'requests.memory': '1Gi',
        'limits.memory': '2Gi',
      },
      limits: {
        defaultRequest: { cpu: '100m', memory: '128Mi' },
        default: { cpu: '500m', memory: '512Mi' },
      },
    },
  ],
  ...patch,
});

const rules = (
  patch: Partial<TenantRequestInput>,
  options: { existingTenants?: string[]; costCenterPattern?: string } = {},
) =>
  validateTenantRequest(request(patch), {
    existingTenants: options.existingTenants ?? ['payments', 'checkout'],
    policy: { ...policy, costCenterPattern: options.costCenterPattern },
  }).map(p => `${p.field} ${p.rule}`);

describe('validateTenantRequest', () => {
  it.each([
    ['default', "Argo CD's built-in project"],
    ['platform-tenancy', "the platform's tenancy project"],
    ['platform-vclusters', "the platform's vCluster project"],
    ['argocd', 'a reserved namespace'],
    ['kube-system', 'a reserved namespace'],
  ])('refuses the tenant name %s (%s)', name => {
    expect(rules({ name, namespaces: [] })).toContain('name reserved');
  });

  it.each(['kube', 'kube-apps', 'platform', 'platform-team'])(
    'refuses the tenant name %s, whose namespaces would take a reserved prefix',
    name => {
      expect(rules({ name, namespaces: [] })).toContain('name reserved-prefix');
    },
  );

  it('accepts a valid request', () => {
    expect(rules({})).toEqual([]);
    expect(rules({}, { costCenterPattern: 'CC-[0-9]{4}' })).toEqual([]);
  });

  // Today's copy had its own pattern and ignored the configured one, so
  // tenancy:tenant:create opened requests the catalog then rejected.
  it.each(['ACME-1', 'CC-12', 'XCC-1234', 'cc-1234'])(
    'rejects cost center %s outside the configured pattern, as the catalog does',
    costCenter => {
      const problems = validateTenantRequest(request({ costCenter }), {
        existingTenants: [],
        policy: { ...policy, costCenterPattern: 'CC-[0-9]{4}' },
      });
      expect(problems).toEqual([
        {
          field: 'costCenter',
          rule: 'pattern',
          message: `costCenter "${costCenter}" does not match the configured pattern CC-[0-9]{4} (tenancy.tenants.costCenterPattern)`,
        },
      ]);
    },
  );

  // The cost center labels every namespace (tenancy.io/cost-center): today's
  // copy let through values Kubernetes refuses as label values.
  it.each(['CC-1-', 'CC.', '', 'x'.repeat(64), 'CC 1', '-CC'])(
    'rejects cost center %j that is not a label value',
    costCenter => {
      expect(rules({ costCenter })).toEqual(['costCenter characters']);
    },
  );

  // Today the namespace rule flagged the first namespaces of payments-eu too
  // (payments-eu-api-dev starts with "payments-"): the overlap is the
  // tenant's name, reported once.
  it('reports a prefix shared with an existing tenant once, on the name', () => {
    expect(rules({ name: 'payments-eu' })).toEqual(['name prefix-overlap']);
    expect(rules({ name: 'pay' }, { existingTenants: ['pay-ments'] })).toEqual([
      'name prefix-overlap',
    ]);
  });

  it.each([
    [{ name: 'Search' }, 'name dns-1123'],
    [{ name: `s${'x'.repeat(40)}` }, 'name length'],
    [{ name: 'checkout' }, 'name exists'],
    [{ name: 'kube' }, 'name reserved-prefix'],
    [{ owner: 'user:default/alex' }, 'owner group'],
    [{ owner: 'group:' }, 'owner entity-ref'],
    [{ ssoGroup: 'system:masters' }, 'ssoGroup system-group'],
    [{ environments: [] }, 'environments required'],
    [{ environments: ['dev', 'qa'] }, 'environments unknown-environment'],
    [{ isolation: 'none' as any }, 'isolation enum'],
    [{ title: 'Search\nkind: Evil' }, 'title characters'],
    [{ tier: 'x'.repeat(101) }, 'tier length'],
    [{ description: 'x'.repeat(1001) }, 'description length'],
  ])('rejects %j (%s)', (patch, rule) => {
    expect(rules(patch)).toContain(rule);
  });

  it('checks each first namespace by the namespace rules, and no namespace twice', () => {
    const [ns] = request().namespaces!;
    expect(
      rules({
        namespaces: [ns, { ...ns, quota: { ...ns.quota, pods: '1.5' } }],
      }),
    ).toEqual(['namespaces[1].quota.pods integer', 'namespaces[1] duplicate']);
  });
});
