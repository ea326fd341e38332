import { TenancyPolicy } from './TenancyPolicy';
import {
  VClusterRequestInput,
  validateVClusterRequest,
} from './validateVClusterRequest';

const policy: TenancyPolicy = {
  environments: {
    dev: {
      clusters: ['nonprod-eu-1'],
      podSecurity: 'baseline',
      ceiling: { 'requests.cpu': '8', 'limits.cpu': '16' },
    },
  },
  reservedNamespaces: ['default'],
  reservedPrefixes: ['kube-'],
  nodePools: ['general', 'gpu'],
  quotaSizes: {},
  clusterRoles: ['edit'],
  argocd: { sourceRepos: [] },
  vcluster: {
    chartRepo: 'https://charts.loft.sh',
    chartVersion: '0.36.1',
    project: 'platform-vclusters',
  },
};

const input = (
  patch: Partial<VClusterRequestInput> = {},
): VClusterRequestInput => ({
  tenant: 'data-platform',
  environment: 'dev',
  cluster: 'nonprod-eu-1',
  name: 'sandbox',
  quota: {
    'requests.cpu': '2',
    'limits.cpu': '4',
    'requests.memory': '4Gi',
    'limits.memory': '8Gi',
  },
  ...patch,
});

const context = (isolation: 'namespaces' | 'vclusters' | 'both' = 'both') => ({
  tenant: {
    name: 'data-platform',
    environments: ['dev'],
    ssoGroup: 'data-developers',
    isolation,
  },
  otherTenants: ['payments'],
  policy,
});

const rules = (patch: Partial<VClusterRequestInput>, isolation?: any) =>
  validateVClusterRequest(input(patch), context(isolation)).map(
    p => `${p.field} ${p.rule}`,
  );

describe('validateVClusterRequest', () => {
  it('accepts a valid request', () => {
    expect(
      rules({ nodePool: 'gpu', values: { sync: { toHost: {} } } }),
    ).toEqual([]);
  });

  it.each([
    [{ nodePool: 'bare-metal' }, 'nodePool allowed-node-pool'],
    [{ name: 'Sandbox' }, 'name dns-1123'],
    [{ name: 'x'.repeat(60) }, 'name dns-1123'],
    [
      { values: { isolation: { enabled: true } } },
      'values.isolation pre-0.20-key',
    ],
    [{ values: { syncer: {} } }, 'values.syncer pre-0.20-key'],
    [
      { values: { sync: { nodes: { enabled: true } } } },
      'values.sync.nodes pre-0.20-key',
    ],
    [{ values: { policies: {} } }, 'values.policies platform-key'],
    [
      { values: { exportKubeConfig: {} } },
      'values.exportKubeConfig platform-key',
    ],
    [
      {
        quota: {
          'requests.cpu': '20',
          'limits.cpu': '40',
          'requests.memory': '1Gi',
          'limits.memory': '1Gi',
        },
      },
      'quota.requests.cpu ceiling',
    ],
  ])('rejects %j (%s)', (patch, rule) => {
    expect(rules(patch)).toContain(rule);
  });

  it('names the new place of a pre-0.20 key', () => {
    const [problem] = validateVClusterRequest(
      input({ values: { isolation: {} } }),
      context(),
    );
    expect(problem.message).toMatch(/reads it from policies/);
  });

  it('needs a tenant whose isolation allows vClusters', () => {
    expect(rules({}, 'namespaces')).toEqual(['tenant isolation']);
  });
});
