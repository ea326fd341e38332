import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { VCLUSTER_CHART_RESOURCES } from './rules/vclusterFit';
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
      ceiling: {
        'requests.cpu': '8',
        'limits.cpu': '16',
        'requests.memory': '16Gi',
        'limits.memory': '32Gi',
      },
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
  limits: {
    defaultRequest: { cpu: '100m', memory: '128Mi' },
    default: { cpu: '500m', memory: '512Mi' },
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
  it('refuses a Flux cluster, naming the cluster and the rule', () => {
    const problems = validateVClusterRequest(
      input({ environment: 'qa', cluster: 'nonprod-eu-2' }),
      {
        ...context(),
        tenant: { ...context().tenant, environments: ['dev', 'qa'] },
        policy: {
          ...policy,
          environments: {
            ...policy.environments,
            qa: { ...policy.environments.dev, clusters: ['nonprod-eu-2'] },
          },
          clusters: { 'nonprod-eu-2': { engine: 'flux' } },
        },
      },
    );
    expect(problems).toEqual([
      {
        field: 'cluster',
        rule: 'vcluster-engine',
        message: expect.stringContaining(
          'cluster nonprod-eu-2 is reconciled by Flux',
        ),
      },
    ]);
  });

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

  // Values that reach the host beyond the vCluster's namespace, all allowed
  // by the chart's schema: each refused naming its key path.
  it.each([
    ['cluster-wide RBAC', { rbac: { clusterRole: { enabled: true } } }, 'rbac'],
    [
      'extra cluster rules',
      {
        rbac: {
          clusterRole: {
            extraRules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }],
          },
        },
      },
      'rbac',
    ],
    [
      'host-namespace RBAC',
      {
        rbac: {
          role: {
            extraRules: [
              { apiGroups: [''], resources: ['secrets'], verbs: ['*'] },
            ],
          },
        },
      },
      'rbac',
    ],
    [
      'raw host manifests',
      {
        experimental: {
          deploy: { host: { manifests: 'kind: ClusterRoleBinding' } },
        },
      },
      'experimental',
    ],
    [
      'control-plane tolerations',
      {
        controlPlane: {
          statefulSet: {
            scheduling: {
              tolerations: [
                {
                  key: 'node-role.kubernetes.io/control-plane',
                  operator: 'Exists',
                },
              ],
            },
          },
        },
      },
      'controlPlane.statefulSet.scheduling',
    ],
    [
      'arbitrary nodes for synced pods',
      {
        sync: {
          toHost: { pods: { enforceTolerations: [':NoSchedule op=Exists'] } },
        },
      },
      'sync.toHost.pods.enforceTolerations',
    ],
    [
      'host node selector',
      {
        sync: {
          fromHost: { nodes: { enabled: true, selector: { all: true } } },
        },
      },
      'sync.fromHost',
    ],
    [
      'host namespaces',
      { sync: { toHost: { namespaces: { enabled: true } } } },
      'sync.toHost.namespaces',
    ],
    [
      'host secrets',
      {
        sync: {
          fromHost: {
            secrets: {
              enabled: true,
              mappings: { byName: { 'kube-system/*': 'x/*' } },
            },
          },
        },
      },
      'sync.fromHost',
    ],
    [
      'host config maps',
      { sync: { fromHost: { configMaps: { enabled: true } } } },
      'sync.fromHost',
    ],
    [
      "other namespaces' services",
      {
        networking: {
          replicateServices: {
            fromHost: [{ from: 'kube-system/kube-dns', to: 'default/dns' }],
          },
        },
      },
      'networking',
    ],
    [
      'host paths',
      { controlPlane: { hostPathMapper: { enabled: true } } },
      'controlPlane.hostPathMapper',
    ],
    [
      'host volumes on the control plane',
      {
        controlPlane: {
          statefulSet: {
            persistence: {
              addVolumes: [{ name: 'h', hostPath: { path: '/' } }],
            },
          },
        },
      },
      'controlPlane.statefulSet.persistence.addVolumes',
    ],
    [
      'privileged control plane',
      {
        controlPlane: {
          statefulSet: {
            security: { containerSecurityContext: { privileged: true } },
          },
        },
      },
      'controlPlane.statefulSet.security',
    ],
    [
      'a tenant-chosen control plane image',
      {
        controlPlane: {
          distro: {
            k8s: { image: { registry: 'evil.example', repository: 'x' } },
          },
        },
      },
      'controlPlane.distro.k8s.image',
    ],
    [
      'host network policies that open default-deny',
      { sync: { toHost: { networkPolicies: { enabled: true } } } },
      'sync.toHost.networkPolicies',
    ],
    [
      'quota off',
      { policies: { resourceQuota: { enabled: false } } },
      'policies',
    ],
    [
      'network policy off',
      { policies: { networkPolicy: { enabled: false } } },
      'policies',
    ],
    ['plugins', { plugins: { p: { image: 'x' } } }, 'plugins'],
    ['legacy plugins', { plugin: { p: { image: 'x' } } }, 'plugin'],
    [
      'an insecure kubeconfig',
      { exportKubeConfig: { insecure: true } },
      'exportKubeConfig',
    ],
    [
      'a host ingress with any host name',
      {
        controlPlane: {
          ingress: { enabled: true, host: 'payments.example.com' },
        },
      },
      'controlPlane.ingress',
    ],
    [
      'cluster-wide classes',
      { sync: { toHost: { storageClasses: { enabled: true } } } },
      'sync.toHost.storageClasses',
    ],
    [
      'a value under an allowed parent, not on the list',
      { sync: { toHost: { ingresses: { enabled: true, patches: [] } } } },
      'sync.toHost.ingresses.patches',
    ],
    ['a scalar where the list has keys', { sync: true }, 'sync'],
  ])('refuses %s (the key path named)', (_what, values, path) => {
    const problems = validateVClusterRequest(input({ values }), context());
    expect(problems.map(p => p.field)).toContain(`values.${path}`);
    expect(problems.find(p => p.field === `values.${path}`)!.rule).toMatch(
      /^(not-allowed|platform-key)$/,
    );
  });

  it('accepts every key path of the allow-list', () => {
    expect(
      rules({
        values: {
          controlPlane: {
            distro: {
              k8s: {
                version: 'v1.33.4',
                resources: { limits: { cpu: '1', memory: '1Gi' } },
              },
            },
            statefulSet: {
              resources: { requests: { cpu: '200m', memory: '256Mi' } },
              highAvailability: { replicas: 3 },
              persistence: { volumeClaim: { size: '10Gi' } },
            },
            coredns: {
              deployment: {
                replicas: 2,
                resources: { limits: { cpu: '100m', memory: '128Mi' } },
              },
            },
            proxy: { extraSANs: ['sandbox.example.com'] },
          },
          sync: {
            toHost: {
              ingresses: { enabled: true },
              persistentVolumeClaims: { enabled: true },
              podDisruptionBudgets: { enabled: true },
              serviceAccounts: { enabled: true },
              configMaps: { all: true },
              secrets: { all: true },
              pods: { rewriteHosts: { enabled: false } },
            },
          },
          telemetry: { enabled: false },
        },
      }),
    ).toEqual([]);
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

  it("refuses a vCluster that could not run: Pod Security restricted, or a quota below its control plane's memory", () => {
    const restricted = {
      ...context(),
      policy: {
        ...policy,
        environments: {
          dev: {
            ...policy.environments.dev,
            podSecurity: 'restricted' as const,
          },
        },
      },
    };
    expect(
      validateVClusterRequest(input(), restricted).map(
        p => `${p.field} ${p.rule}`,
      ),
    ).toContain('environment vcluster-pod-security');
    expect(
      rules({
        quota: {
          'requests.cpu': '1',
          'limits.cpu': '2',
          'requests.memory': '2Gi',
          'limits.memory': '4Gi',
        },
      }),
    ).toContain('quota.limits.memory vcluster-minimum');
    // A smaller control plane (an allowed value) fits a smaller quota.
    expect(
      rules({
        quota: {
          'requests.cpu': '1',
          'limits.cpu': '2',
          'requests.memory': '2Gi',
          'limits.memory': '4Gi',
        },
        values: {
          controlPlane: {
            statefulSet: { resources: { limits: { memory: '3Gi' } } },
          },
        },
      }),
    ).not.toContain('quota.limits.memory vcluster-minimum');
  });

  const chartValues = resolve(
    __dirname,
    '../../../../../shared/contracts/vcluster/values.yaml',
  );
  (existsSync(chartValues) ? describe : describe.skip)(
    'the chart 0.36 resources',
    () => {
      it('are the ones the fit rule assumes', () => {
        const { controlPlane } = parse(readFileSync(chartValues, 'utf8'));
        expect(controlPlane.statefulSet.resources).toMatchObject(
          VCLUSTER_CHART_RESOURCES.controlPlane,
        );
        expect(controlPlane.coredns.deployment.resources).toMatchObject(
          VCLUSTER_CHART_RESOURCES.coredns,
        );
      });
    },
  );
});
