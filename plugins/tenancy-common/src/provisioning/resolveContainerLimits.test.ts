import type { TenancyPolicy } from '../policy/TenancyPolicy';
import { limitsRule } from '../policy/rules/limits';
import { resolveContainerLimits } from './resolveContainerLimits';

const policy = (patch: Partial<TenancyPolicy> = {}): TenancyPolicy => ({
  environments: {
    dev: { clusters: ['c'], podSecurity: 'baseline', ceiling: {} },
    prod: {
      clusters: ['p'],
      podSecurity: 'restricted',
      ceiling: {},
      containerLimits: {
        defaultRequest: { cpu: '200m' },
        max: { memory: '2Gi' },
      },
    },
  },
  reservedNamespaces: [],
  reservedPrefixes: [],
  nodePools: [],
  quotaSizes: {},
  clusterRoles: ['tenancy-tenant'],
  argocd: { sourceRepos: [] },
  vcluster: { chartRepo: 'r', chartVersion: '0.36.1', project: 'p' },
  ...patch,
});
const quota = {
  'requests.cpu': '2',
  'limits.cpu': '4',
  'requests.memory': '4Gi',
  'limits.memory': '8Gi',
};

describe('resolveContainerLimits', () => {
  it('gives every namespace defaults and a max, so the quota never rejects a pod for declaring none', () => {
    const limits = resolveContainerLimits({
      policy: policy(),
      environment: 'dev',
      quota,
    });
    expect(limits).toEqual({
      defaultRequest: { cpu: '100m', memory: '128Mi' },
      default: { cpu: '500m', memory: '512Mi' },
      max: { cpu: '4', memory: '8Gi' },
    });
    expect(limitsRule(limits, quota)).toEqual([]);
  });

  it('keeps the built-in defaults within a small quota', () => {
    const small = {
      'requests.cpu': '50m',
      'limits.cpu': '200m',
      'requests.memory': '64Mi',
      'limits.memory': '256Mi',
    };
    const limits = resolveContainerLimits({
      policy: policy(),
      environment: 'dev',
      quota: small,
    });
    expect(limits.default).toEqual({ cpu: '200m', memory: '256Mi' });
    expect(limits.defaultRequest).toEqual({ cpu: '50m', memory: '64Mi' });
    expect(limitsRule(limits, small)).toEqual([]);
  });

  it("layers the request's values over the size's, the environment's and the built-in ones, value by value", () => {
    const limits = resolveContainerLimits({
      policy: policy({
        containerLimits: { S: { default: { cpu: '1' }, max: { cpu: '2' } } },
      }),
      environment: 'prod',
      size: 'S',
      quota,
      limits: { max: { cpu: '3' } },
    });
    expect(limits).toEqual({
      defaultRequest: { cpu: '200m', memory: '128Mi' },
      default: { cpu: '1', memory: '512Mi' },
      max: { cpu: '3', memory: '2Gi' },
    });
  });

  it('leaves an override beyond the quota to the LimitRange rule, which names it', () => {
    const limits = resolveContainerLimits({
      policy: policy(),
      environment: 'dev',
      quota,
      limits: { max: { cpu: '16' } },
    });
    expect(limitsRule(limits, quota).map(p => `${p.field} ${p.rule}`)).toEqual([
      'limits.max.cpu within-quota',
    ]);
  });
});
