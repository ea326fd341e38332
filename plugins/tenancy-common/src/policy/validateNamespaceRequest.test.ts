import {
  NamespaceRequestContext,
  NamespaceRequestInput,
  validateNamespaceRequest,
} from './validateNamespaceRequest';
import { TenancyPolicy } from './TenancyPolicy';

const policy: TenancyPolicy = {
  environments: {
    dev: {
      clusters: ['nonprod-eu-1'],
      podSecurity: 'baseline',
      ceiling: {
        'requests.cpu': '8',
        'limits.cpu': '16',
        'requests.memory': '32Gi',
        'limits.memory': '64Gi',
        'requests.storage': '500Gi',
        pods: '100',
        'services.loadbalancers': '0',
      },
    },
    prod: {
      clusters: ['prod-eu-1'],
      podSecurity: 'restricted',
      ceiling: {
        'requests.cpu': '32',
        'limits.cpu': '64',
        'requests.memory': '128Gi',
        'limits.memory': '256Gi',
      },
    },
  },
  reservedNamespaces: [
    'default',
    'kube-system',
    'argocd',
    'payments-admin-dev',
  ],
  reservedPrefixes: ['kube-', 'platform-'],
  nodePools: ['general'],
  quotaSizes: {},
  clusterRoles: ['edit'],
  argocd: { sourceRepos: ['https://git.example.com/{tenant}/deploy.git'] },
  vcluster: {
    chartRepo: 'https://charts.loft.sh',
    chartVersion: '0.36.1',
    project: 'platform-vclusters',
  },
};

const valid = (): NamespaceRequestInput => ({
  tenant: 'payments',
  environment: 'dev',
  cluster: 'nonprod-eu-1',
  name: 'api',
  quota: {
    'requests.cpu': '2',
    'limits.cpu': '4',
    'requests.memory': '4Gi',
    'limits.memory': '8Gi',
    pods: '20',
  },
  limits: {
    defaultRequest: { cpu: '100m', memory: '128Mi' },
    default: { cpu: '500m', memory: '512Mi' },
    max: { cpu: '2', memory: '4Gi' },
  },
  labels: { team: 'payments', 'example.com/app': 'api' },
  purpose: 'API of the payments service',
});

const context = (
  patch: Partial<NamespaceRequestContext['tenant']> = {},
  otherTenants = ['checkout', 'payments-eu'],
): NamespaceRequestContext => ({
  tenant: {
    name: 'payments',
    environments: ['dev', 'prod'],
    ssoGroup: 'payments-developers',
    ...patch,
  },
  otherTenants,
  policy,
});

describe('validateNamespaceRequest', () => {
  it('accepts a valid request', () => {
    expect(validateNamespaceRequest(valid(), context())).toEqual([]);
  });

  it('accepts a request without name part, limits, labels or purpose', () => {
    const input = valid();
    delete input.name;
    delete input.limits;
    delete input.labels;
    delete input.purpose;
    expect(validateNamespaceRequest(input, context())).toEqual([]);
  });

  type Case = [
    string,
    (i: NamespaceRequestInput) => void,
    string,
    string,
    NamespaceRequestContext?,
  ];
  const cases: Case[] = [
    // names: DNS-1123, on the final composed name
    ['upper-case name', i => (i.name = 'API'), 'name', 'dns-1123'],
    ['underscore in name', i => (i.name = 'my_api'), 'name', 'dns-1123'],
    ['dot in name', i => (i.name = 'my.api'), 'name', 'dns-1123'],
    ['leading dash', i => (i.name = '-api'), 'name', 'dns-1123'],
    ['trailing dash', i => (i.name = 'api-'), 'name', 'dns-1123'],
    ['empty name part', i => (i.name = ''), 'name', 'dns-1123'],
    [
      'composed name over 63 characters',
      i => (i.name = 'a'.repeat(52)),
      'name',
      'dns-1123',
    ],
    ['path segments in name', i => (i.name = '../../etc'), 'name', 'dns-1123'],
    ['slash in name', i => (i.name = 'a/b'), 'name', 'dns-1123'],
    [
      'YAML smuggled into name',
      i => (i.name = 'a\nkind: Secret'),
      'name',
      'dns-1123',
    ],
    [
      'template syntax in name',
      i => (i.name = '${{ secrets.token }}'),
      'name',
      'dns-1123',
    ],
    ['space in name', i => (i.name = 'my api'), 'name', 'dns-1123'],
    ['unicode in name', i => (i.name = 'äpi'), 'name', 'dns-1123'],
    [
      'environment not a DNS label',
      i => (i.environment = 'Dev'),
      'environment',
      'dns-1123',
    ],
    [
      'cluster with path segments',
      i => (i.cluster = '../prod'),
      'cluster',
      'dns-1123',
    ],
    // reserved and platform namespaces, prefixes
    ['reserved namespace', i => (i.name = 'admin'), 'name', 'reserved'],
    [
      'overlap with another tenant prefix',
      i => (i.name = 'eu'),
      'name',
      'prefix-overlap',
      context({}, ['payments-eu']),
    ],
    [
      'reserved platform prefix',
      i => {
        i.tenant = 'platform';
        i.name = 'x';
      },
      'name',
      'reserved-prefix',
      {
        ...context(),
        tenant: { name: 'platform', environments: ['dev'], ssoGroup: 'g' },
      },
    ],
    // placement
    [
      'environment the tenant may not use',
      i => (i.environment = 'prod') && (i.cluster = 'prod-eu-1'),
      'environment',
      'tenant-environment',
      context({ environments: ['dev'] }),
    ],
    [
      'environment unknown to the policy',
      i => (i.environment = 'qa'),
      'environment',
      'unknown-environment',
      context({ environments: ['dev', 'qa'] }),
    ],
    [
      'cluster not allowed for the environment',
      i => (i.cluster = 'prod-eu-1'),
      'cluster',
      'allowed-cluster',
    ],
    // quota grammar and rules
    [
      'missing requests.cpu',
      i => delete i.quota['requests.cpu'],
      'quota.requests.cpu',
      'required',
    ],
    [
      'missing limits.memory',
      i => delete i.quota['limits.memory'],
      'quota.limits.memory',
      'required',
    ],
    [
      'not a quantity',
      i => (i.quota['requests.cpu'] = 'two'),
      'quota.requests.cpu',
      'quantity',
    ],
    [
      'quantity with a space',
      i => (i.quota['requests.cpu'] = '2 '),
      'quota.requests.cpu',
      'quantity',
    ],
    [
      'unknown suffix',
      i => (i.quota['limits.cpu'] = '4x'),
      'quota.limits.cpu',
      'quantity',
    ],
    [
      'number instead of string',
      i => ((i.quota as any)['limits.cpu'] = 4),
      'quota.limits.cpu',
      'quantity',
    ],
    [
      'negative quantity',
      i => (i.quota['requests.cpu'] = '-1'),
      'quota.requests.cpu',
      'non-negative',
    ],
    [
      'fractional pod count',
      i => (i.quota.pods = '1.5'),
      'quota.pods',
      'integer',
    ],
    [
      'pod count with a suffix',
      i => (i.quota.pods = '1k'),
      'quota.pods',
      'integer',
    ],
    [
      'load balancer count in exponent form',
      i => (i.quota['services.loadbalancers'] = '1e1'),
      'quota.services.loadbalancers',
      'integer',
    ],
    [
      'memory in decimal units',
      i => (i.quota['requests.memory'] = '4G'),
      'quota.requests.memory',
      'binary-units',
    ],
    [
      'memory in plain bytes',
      i => (i.quota['limits.memory'] = '8000000000'),
      'quota.limits.memory',
      'binary-units',
    ],
    [
      'fractional memory',
      i => (i.quota['limits.memory'] = '1.5Gi'),
      'quota.limits.memory',
      'binary-units',
    ],
    [
      'storage in millis',
      i => (i.quota['requests.storage'] = '100m'),
      'quota.requests.storage',
      'binary-units',
    ],
    [
      'unknown resource',
      i => (i.quota['requests.gpu'] = '1'),
      'quota.requests.gpu',
      'known-resource',
    ],
    [
      'requests above limits (cpu)',
      i => (i.quota['requests.cpu'] = '6'),
      'quota.requests.cpu',
      'requests-within-limits',
    ],
    [
      'requests above limits (memory)',
      i => (i.quota['requests.memory'] = '16Gi'),
      'quota.requests.memory',
      'requests-within-limits',
    ],
    [
      'cpu above the environment ceiling',
      i => (i.quota['limits.cpu'] = '17'),
      'quota.limits.cpu',
      'ceiling',
    ],
    [
      'memory above the environment ceiling',
      i => (i.quota['limits.memory'] = '65Gi'),
      'quota.limits.memory',
      'ceiling',
    ],
    [
      'load balancers where the ceiling is 0',
      i => (i.quota['services.loadbalancers'] = '1'),
      'quota.services.loadbalancers',
      'ceiling',
    ],
    // limit range
    [
      'default above max',
      i => (i.limits!.default!.cpu = '3'),
      'limits.default.cpu',
      'limits-order',
    ],
    [
      'default request above default',
      i => (i.limits!.defaultRequest!.memory = '1Gi'),
      'limits.defaultRequest.memory',
      'limits-order',
    ],
    [
      'limit range memory in decimal units',
      i => (i.limits!.max!.memory = '4G'),
      'limits.max.memory',
      'binary-units',
    ],
    [
      'limit range on an unknown resource',
      i => ((i.limits!.max as any).gpu = '1'),
      'limits.max.gpu',
      'known-resource',
    ],
    // labels
    [
      'label key with spaces',
      i => (i.labels!['my key'] = 'x'),
      'labels.my key',
      'label-key',
    ],
    [
      'label key too long',
      i => (i.labels!['a'.repeat(64)] = 'x'),
      `labels.${'a'.repeat(64)}`,
      'label-key',
    ],
    [
      'label key prefix not a DNS subdomain',
      i => (i.labels!['Example.com/app'] = 'x'),
      'labels.Example.com/app',
      'label-key',
    ],
    [
      'label key in a reserved prefix',
      i => (i.labels!['tenancy.io/tenant'] = 'checkout'),
      'labels.tenancy.io/tenant',
      'reserved-label',
    ],
    [
      'label key in kubernetes.io',
      i => (i.labels!['pod-security.kubernetes.io/enforce'] = 'privileged'),
      'labels.pod-security.kubernetes.io/enforce',
      'reserved-label',
    ],
    [
      'label value with a newline',
      i => (i.labels!.team = 'a\nb: c'),
      'labels.team',
      'label-value',
    ],
    [
      'label value too long',
      i => (i.labels!.team = 'x'.repeat(64)),
      'labels.team',
      'label-value',
    ],
    [
      'label value with template syntax',
      i => (i.labels!.team = '{{x}}'),
      'labels.team',
      'label-value',
    ],
    // identity groups
    [
      'system group',
      () => {},
      'tenant.ssoGroup',
      'system-group',
      context({ ssoGroup: 'system:masters' }),
    ],
    [
      'wildcard group',
      () => {},
      'tenant.ssoGroup',
      'wildcard',
      context({ ssoGroup: 'payments-*' }),
    ],
    [
      'group with spaces',
      () => {},
      'tenant.ssoGroup',
      'characters',
      context({ ssoGroup: 'payments devs' }),
    ],
    [
      'tenant without identity group',
      () => {},
      'tenant.ssoGroup',
      'required',
      context({ ssoGroup: undefined }),
    ],
    // free text
    [
      'purpose with control characters',
      i => (i.purpose = 'ok\u0000'),
      'purpose',
      'characters',
    ],
    [
      'purpose too long',
      i => (i.purpose = 'x'.repeat(1001)),
      'purpose',
      'length',
    ],
  ];

  it('has at least 40 bad inputs', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases.map(c => [c[0], c] as const))(
    'rejects %s, naming the field and the rule',
    (_name, [, mutate, field, rule, ctx]) => {
      const input = valid();
      mutate(input);
      const problems = validateNamespaceRequest(input, ctx ?? context());
      expect(problems).toContainEqual(expect.objectContaining({ field, rule }));
      const problem = problems.find(p => p.field === field && p.rule === rule)!;
      expect(problem.message).toContain(
        field.split('.').pop()!.split('/').pop()!.slice(0, 10),
      );
    },
  );
});
