/* eslint-disable jest/no-export -- shared fixtures and the bad-input suite each rule test runs */
import type {
  NamespaceRequestContext,
  NamespaceRequestInput,
} from '../validateNamespaceRequest';
import { validateNamespaceRequest } from '../validateNamespaceRequest';
import type { TenancyPolicy } from '../TenancyPolicy';

/**
 * Fixtures of the namespace request tests: a policy, a valid request, the
 * context of tenant payments, and the table of bad inputs each rule's test
 * runs.
 */

export const policy: TenancyPolicy = {
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

export const valid = (): NamespaceRequestInput => ({
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

export const context = (
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

/** A bad input: name, how it breaks the valid request, field, rule, context. */
export type Case = [
  string,
  (i: NamespaceRequestInput) => void,
  string,
  string,
  NamespaceRequestContext?,
];

/**
 * Runs each case through validateNamespaceRequest: the problem names the
 * field and the rule, and its message names the field.
 */
export function itRejects(cases: Case[]) {
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
}
