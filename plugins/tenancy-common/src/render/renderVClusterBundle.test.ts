import { resourceEntityV1alpha1Validator } from '@backstage/catalog-model';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { GitOpsLayout } from '../gitops/GitOpsLayout';
import {
  validateAgainstContracts,
  validateVClusterValuesAgainstContract,
} from '../__testUtils__/validateAgainstContracts';
import {
  renderVClusterBundle,
  renderVClusterValues,
  VCLUSTER_CHART_POLICY_DEFAULTS,
  VClusterBundleRequest,
} from './renderVClusterBundle';
import { serializeManifests } from './serializeManifests';

const vcluster = {
  chartRepo: 'https://charts.loft.sh',
  chartVersion: '0.36.1',
  project: 'platform-vclusters',
};

const request = (
  patch: Partial<VClusterBundleRequest> = {},
): VClusterBundleRequest => ({
  tenant: 'data-platform',
  owner: 'group:default/team-data',
  costCenter: 'CC-2001',
  environment: 'dev',
  cluster: 'nonprod-eu-1',
  namespace: 'data-platform-vc-sandbox-dev',
  podSecurity: 'baseline',
  quota: {
    'requests.cpu': '4',
    'limits.cpu': '8',
    'requests.memory': '8Gi',
    'limits.memory': '16Gi',
  },
  limits: { default: { cpu: '500m', memory: '512Mi' } },
  nodePool: 'gpu',
  ...patch,
});

const layout = GitOpsLayout.create();
const dir = 'tenants/data-platform/dev/data-platform-vc-sandbox-dev';

describe('renderVClusterBundle', () => {
  it('renders the host namespace, the chart Application and the entity, each valid upstream', async () => {
    const bundle = renderVClusterBundle(request(), layout, vcluster);
    expect(Object.keys(bundle).sort()).toEqual([
      `${dir}/argocd/vcluster-application.yaml`,
      `${dir}/catalog-info.yaml`,
      `${dir}/kustomization.yaml`,
      `${dir}/namespace.yaml`,
    ]);
    const [app] = bundle[`${dir}/argocd/vcluster-application.yaml`] as any[];
    expect(validateAgainstContracts(app)).toEqual([]);
    expect(app.spec).toMatchObject({
      project: 'platform-vclusters',
      source: {
        repoURL: 'https://charts.loft.sh',
        chart: 'vcluster',
        targetRevision: '0.36.1',
        helm: { releaseName: 'data-platform-vc-sandbox-dev' },
      },
      destination: {
        name: 'nonprod-eu-1',
        namespace: 'data-platform-vc-sandbox-dev',
      },
    });
    const [ns] = bundle[`${dir}/namespace.yaml`] as any[];
    expect(validateAgainstContracts(ns)).toEqual([]);
    expect(ns.metadata.labels['pod-security.kubernetes.io/enforce']).toBe(
      'baseline',
    );
    // What the Argo CD registration policy selects.
    expect(ns.metadata.labels['tenancy.io/vcluster']).toBe(
      'data-platform-vc-sandbox-dev',
    );
    const [entity] = bundle[`${dir}/catalog-info.yaml`] as any[];
    expect(entity.spec.type).toBe('vcluster');
    await expect(resourceEntityV1alpha1Validator.check(entity)).resolves.toBe(
      true,
    );
  });

  it("with the platform's kubeconfig reader, grants it get on the exported kubeconfig Secret only, applied with the host namespace", () => {
    const bundle = renderVClusterBundle(request(), layout, {
      ...vcluster,
      kubeconfigReader: {
        kind: 'ServiceAccount',
        name: 'backstage-tenancy',
        namespace: 'backstage',
      },
    });
    const [role, binding] = bundle[`${dir}/kubeconfig-reader.yaml`] as any[];
    expect(validateAgainstContracts(role)).toEqual([]);
    expect(validateAgainstContracts(binding)).toEqual([]);
    const name = 'data-platform-vc-sandbox-dev';
    expect(role.metadata.namespace).toBe(name);
    // The Secret the values export the kubeconfig to, and nothing else.
    const [secret] = renderVClusterValues(request()).exportKubeConfig
      .additionalSecrets;
    expect(secret).toMatchObject({ namespace: name });
    expect(role.rules).toEqual([
      {
        apiGroups: [''],
        resources: ['secrets'],
        resourceNames: [secret.name],
        verbs: ['get'],
      },
    ]);
    expect(binding.metadata.namespace).toBe(name);
    expect(binding.roleRef).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'Role',
      name: role.metadata.name,
    });
    expect(binding.subjects).toEqual([
      {
        kind: 'ServiceAccount',
        name: 'backstage-tenancy',
        namespace: 'backstage',
      },
    ]);
    const [kustomization] = bundle[`${dir}/kustomization.yaml`] as any[];
    expect(kustomization.resources).toEqual([
      'namespace.yaml',
      'kubeconfig-reader.yaml',
    ]);

    const group = renderVClusterBundle(request(), layout, {
      ...vcluster,
      kubeconfigReader: { kind: 'Group', name: 'platform-portal' },
    })[`${dir}/kubeconfig-reader.yaml`] as any[];
    expect(validateAgainstContracts(group[1])).toEqual([]);
    expect(group[1].subjects).toEqual([
      {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'Group',
        name: 'platform-portal',
      },
    ]);
  });

  it('puts quota, limits, network policy, Pod Security, node pool and kubeconfig into values the chart schema accepts', () => {
    const values = renderVClusterValues(
      request({
        values: { sync: { toHost: { ingresses: { enabled: true } } } },
      }),
    );
    expect(validateVClusterValuesAgainstContract(values)).toEqual([]);
    expect(values.policies).toEqual({
      podSecurityStandard: 'baseline',
      resourceQuota: {
        enabled: true,
        // The chart's other defaults removed (null), so the quota is the request's.
        quota: {
          'requests.storage': null,
          'requests.ephemeral-storage': null,
          'limits.ephemeral-storage': null,
          'count/endpoints': null,
          'count/pods': null,
          'count/services': null,
          'count/secrets': null,
          'count/configmaps': null,
          'count/persistentvolumeclaims': null,
          'services.loadbalancers': '0',
          'services.nodeports': '0',
          'requests.cpu': '4',
          'limits.cpu': '8',
          'requests.memory': '8Gi',
          'limits.memory': '16Gi',
        },
      },
      limitRange: {
        enabled: true,
        default: { cpu: '500m', memory: '512Mi', 'ephemeral-storage': null },
        defaultRequest: { cpu: null, memory: null, 'ephemeral-storage': null },
      },
      networkPolicy: { enabled: true },
    });
    expect(values.sync.toHost).toEqual({
      ingresses: { enabled: true },
      pods: { enforceTolerations: ['tenancy.io/node-pool=gpu:NoSchedule'] },
    });
    expect(values.sync.fromHost.nodes.selector.labels).toEqual({
      'tenancy.io/node-pool': 'gpu',
    });
    expect(values.controlPlane.statefulSet.scheduling.nodeSelector).toEqual({
      'tenancy.io/node-pool': 'gpu',
    });
    expect(values.exportKubeConfig.additionalSecrets).toEqual([
      {
        name: 'data-platform-vc-sandbox-dev-kubeconfig',
        namespace: 'data-platform-vc-sandbox-dev',
        context: 'data-platform-vc-sandbox-dev',
        server:
          'https://data-platform-vc-sandbox-dev.data-platform-vc-sandbox-dev.svc:443',
      },
    ]);
  });

  it('removes every chart default of the quota and limit range it does not set (Helm merges maps key by key)', () => {
    const values = renderVClusterValues(request());
    const { quota } = values.policies.resourceQuota;
    expect(quota['count/pods']).toBeNull();
    expect(quota['requests.storage']).toBeNull();
    expect(quota['services.loadbalancers']).toBe('0');
    expect(quota['requests.cpu']).toBe(request().quota['requests.cpu']);
    expect(
      values.policies.limitRange.defaultRequest['ephemeral-storage'],
    ).toBeNull();
    expect(validateVClusterValuesAgainstContract(values)).toEqual([]);
  });

  // The chart's defaults, from the project's contracts beside the repository.
  const chartValues = resolve(
    __dirname,
    '../../../../../shared/contracts/vcluster/values.yaml',
  );
  (existsSync(chartValues) ? describe : describe.skip)(
    'the chart 0.36 defaults',
    () => {
      it('are the keys the platform unsets', () => {
        const { policies } = parse(readFileSync(chartValues, 'utf8'));
        expect(Object.keys(policies.resourceQuota.quota).sort()).toEqual(
          [...VCLUSTER_CHART_POLICY_DEFAULTS.quota].sort(),
        );
        expect(Object.keys(policies.limitRange.default).sort()).toEqual(
          [...VCLUSTER_CHART_POLICY_DEFAULTS.default].sort(),
        );
        expect(Object.keys(policies.limitRange.defaultRequest).sort()).toEqual(
          [...VCLUSTER_CHART_POLICY_DEFAULTS.defaultRequest].sort(),
        );
      });
    },
  );

  it("adds the Service name Argo CD reaches it by to the request's extra certificate names", () => {
    const values = renderVClusterValues(
      request({
        values: { controlPlane: { proxy: { extraSANs: ['vc.example.com'] } } },
      }),
    );
    expect(values.controlPlane.proxy.extraSANs).toEqual([
      'vc.example.com',
      'data-platform-vc-sandbox-dev.data-platform-vc-sandbox-dev.svc',
    ]);
    expect(validateVClusterValuesAgainstContract(values)).toEqual([]);
  });

  it('the chart schema rejects pre-0.20 values, so the check can fail', () => {
    expect(
      validateVClusterValuesAgainstContract({ isolation: { enabled: true } }),
    ).not.toEqual([]);
  });

  it('serialises to YAML that parses back to the same objects', () => {
    const bundle = renderVClusterBundle(request(), layout, vcluster);
    for (const [path, objects] of Object.entries(bundle)) {
      const docs = parseAllDocuments(serializeManifests(objects)).map(d =>
        d.toJS(),
      );
      expect({ path, docs }).toEqual({ path, docs: objects });
    }
  });
});
