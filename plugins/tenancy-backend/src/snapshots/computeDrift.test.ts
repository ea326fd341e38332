import { GitOpsNamespaceRecord, KubernetesSnapshot } from '../sources/types';
import { computeDrift } from './computeDrift';

const folder = (
  overrides: Partial<GitOpsNamespaceRecord> = {},
): GitOpsNamespaceRecord => ({
  cluster: 'prod-eu-1',
  namespace: 'payments-prod',
  tenant: 'payments',
  environment: 'prod',
  type: 'kubernetes-namespace',
  path: 'tenants/payments/prod/payments-prod',
  labels: {
    'tenancy.io/tenant': 'payments',
    'tenancy.io/cost-center': 'CC-1001',
    'pod-security.kubernetes.io/enforce': 'restricted',
  },
  quotas: [
    {
      name: 'tenant-quota',
      hard: { 'requests.cpu': '2', 'requests.memory': '4Gi', pods: '30' },
    },
  ],
  limitRanges: [
    {
      name: 'tenant-limits',
      limits: [
        {
          type: 'Container',
          default: { cpu: '500m', memory: '512Mi' },
          defaultRequest: { cpu: '100m', memory: '128Mi' },
        },
      ],
    },
  ],
  ...overrides,
});

/** The cluster as the API server normalises what Git says: `2` as `2000m`, `4Gi` as `4096Mi`. */
const cluster = (
  namespaces: KubernetesSnapshot['namespaces'] = {},
): KubernetesSnapshot => ({
  cluster: 'prod-eu-1',
  namespaces: {
    'payments-prod': {
      phase: 'Active',
      labels: {
        'kubernetes.io/metadata.name': 'payments-prod',
        'tenancy.io/tenant': 'payments',
        'tenancy.io/cost-center': 'CC-1001',
        'pod-security.kubernetes.io/enforce': 'restricted',
      },
      quotas: [
        {
          name: 'tenant-quota',
          spec: {
            'requests.cpu': '2000m',
            'requests.memory': '4096Mi',
            pods: '30',
          },
          // status.hard mirrors spec and is not what is compared.
          hard: { 'requests.cpu': '9' },
          used: {},
        },
      ],
      limitRanges: [
        {
          name: 'tenant-limits',
          limits: [
            {
              type: 'Container',
              default: { cpu: '0.5', memory: '512Mi' },
              defaultRequest: { cpu: '100m', memory: '128Mi' },
            },
          ],
        },
      ],
    },
    ...namespaces,
  },
});

describe('computeDrift', () => {
  it('finds no drift where the cluster writes the same values differently', () => {
    const drift = computeDrift({ name: 'default', namespaces: [folder()] }, [
      cluster(),
    ]);
    expect(drift.namespaces.get('prod-eu-1/payments-prod')).toEqual([]);
    expect(drift.orphans).toEqual([]);
  });

  it('names the field, the Git and the live value of each difference', () => {
    const live = cluster();
    const ns = live.namespaces['payments-prod'];
    ns.labels!['tenancy.io/cost-center'] = 'CC-9999';
    ns.labels!['pod-security.kubernetes.io/warn'] = 'baseline';
    ns.labels!.team = 'added-by-a-controller';
    ns.quotas[0].spec['requests.cpu'] = '3';
    delete ns.quotas[0].spec.pods;
    // The first wave's client library wrote `default_request`: not the key Git has.
    ns.limitRanges[0].limits[0] = {
      type: 'Container',
      default: { cpu: '500m', memory: '512Mi' },
      default_request: { cpu: '100m', memory: '128Mi' },
    } as any;
    const findings = computeDrift({ name: 'default', namespaces: [folder()] }, [
      live,
    ]).namespaces.get('prod-eu-1/payments-prod')!;
    expect(findings.map(f => [f.kind, f.field, f.git, f.live])).toEqual([
      [
        'labels',
        'metadata.labels.pod-security.kubernetes.io/warn',
        undefined,
        'baseline',
      ],
      [
        'labels',
        'metadata.labels.tenancy.io/cost-center',
        'CC-1001',
        'CC-9999',
      ],
      ['quota', 'ResourceQuota/tenant-quota spec.hard.pods', '30', undefined],
      ['quota', 'ResourceQuota/tenant-quota spec.hard.requests.cpu', '2', '3'],
      [
        'limitRange',
        'LimitRange/tenant-limits spec.limits[Container].defaultRequest.cpu',
        '100m',
        undefined,
      ],
      [
        'limitRange',
        'LimitRange/tenant-limits spec.limits[Container].defaultRequest.memory',
        '128Mi',
        undefined,
      ],
    ]);
    expect(findings[1]).toMatchObject({
      cluster: 'prod-eu-1',
      namespace: 'payments-prod',
      tenant: 'payments',
      path: 'tenants/payments/prod/payments-prod',
      message:
        'metadata.labels.tenancy.io/cost-center is "CC-1001" in Git and "CC-9999" on cluster prod-eu-1',
    });
  });

  it('finds namespaces missing from their cluster and orphans labelled with a tenant', () => {
    const drift = computeDrift(
      {
        name: 'default',
        namespaces: [
          folder(),
          folder({
            namespace: 'payments-api-prod',
            path: 'tenants/payments/prod/payments-api-prod',
          }),
          folder({ cluster: 'unknown-1', namespace: 'elsewhere' }),
        ],
      },
      [
        cluster({
          'payments-legacy': {
            labels: { 'tenancy.io/tenant': 'payments' },
            quotas: [],
            limitRanges: [],
          },
          'kube-system': { labels: {}, quotas: [], limitRanges: [] },
          // Listed as a quota's namespace only: deleted as the lists ran.
          'payments-api-prod': { quotas: [], limitRanges: [] },
        }),
      ],
    );
    expect(drift.namespaces.get('prod-eu-1/payments-api-prod')).toEqual([
      expect.objectContaining({
        kind: 'missing',
        message:
          'Namespace payments-api-prod is in the GitOps repository (tenants/payments/prod/payments-api-prod) but not on cluster prod-eu-1: not yet applied, or deleted by hand',
      }),
    ]);
    // A cluster without data: unknown, not missing.
    expect(drift.namespaces.has('unknown-1/elsewhere')).toBe(false);
    expect(drift.orphans).toEqual([
      expect.objectContaining({
        kind: 'orphan',
        cluster: 'prod-eu-1',
        namespace: 'payments-legacy',
        tenant: 'payments',
      }),
    ]);
    expect(drift.orphans[0].path).toBeUndefined();
  });
});
