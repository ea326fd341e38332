import {
  GitOpsLayout,
  renderNamespaceBundle,
  serializeBundle,
  serializeManifests,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { stringify } from 'yaml';
import { validateManifestFiles } from './validateManifestFiles';

const namespace = {
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: {
    name: 'payments-api-dev',
    labels: { 'tenancy.io/tenant': 'payments' },
  },
};

describe('validateManifestFiles', () => {
  it('passes a rendered bundle, one check per object with its definition', () => {
    const files = serializeBundle(
      renderNamespaceBundle(
        {
          tenant: 'payments',
          environment: 'dev',
          cluster: 'nonprod-eu-1',
          namespace: 'payments-api-dev',
          owner: 'group:default/team-payments',
          costCenter: 'CC-1001',
          ssoGroup: 'payments-developers',
          clusterRoles: ['edit'],
          podSecurity: 'baseline',
          quota: { 'requests.cpu': '1', 'limits.cpu': '2', pods: '10' },
        } as any,
        GitOpsLayout.create(),
      ),
    );
    const { problems, checks } = validateManifestFiles(files);
    expect(problems).toEqual([]);
    const names = checks.map(c => c.name);
    expect(names).toContain(
      'schema: Namespace payments-api-dev valid against io.k8s.api.core.v1.Namespace (Kubernetes 1.36)',
    );
    for (const kind of [
      'ResourceQuota',
      'LimitRange',
      'NetworkPolicy',
      'RoleBinding',
      'Kustomization',
      'Resource payments-api-dev',
    ]) {
      expect(names.some(n => n.startsWith(`schema: ${kind}`))).toBe(true);
    }
    expect(checks.every(c => c.result === 'passed')).toBe(true);
  });

  it('refuses unknown fields and wrong types, naming file, object, path and rule', () => {
    const { problems, checks } = validateManifestFiles({
      'ns.yaml': serializeManifests([
        { ...namespace, metadata: { ...namespace.metadata, labelz: {} } },
        {
          apiVersion: 'v1',
          kind: 'ResourceQuota',
          metadata: { name: 'quota', namespace: 'payments-api-dev' },
          spec: { hard: { pods: '10' }, scopes: 'Terminating' },
        },
      ]),
    });
    expect(checks).toEqual([]);
    expect(problems).toEqual([
      {
        file: 'ns.yaml',
        object: 'Namespace payments-api-dev',
        path: '$.metadata.labelz',
        rule: 'additionalProperties: not a field of this kind (strict field validation) (io.k8s.api.core.v1.Namespace (Kubernetes 1.36))',
      },
      {
        file: 'ns.yaml',
        object: 'ResourceQuota quota',
        path: '$.spec.scopes',
        rule: 'type: must be array (io.k8s.api.core.v1.ResourceQuota (Kubernetes 1.36))',
      },
    ]);
  });

  it('checks Argo CD objects against their CRD and entities against the catalog schemas', () => {
    const { problems } = validateManifestFiles({
      'appproject.yaml': stringify({
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'AppProject',
        metadata: { name: 'payments', namespace: 'argocd' },
        spec: { destinations: [{ name: 'prod-eu-1', namespaces: 'x' }] },
      }),
      'catalog-info.yaml': stringify({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: { name: 'payments-api-dev' },
        spec: { type: 'kubernetes-namespace' },
      }),
      'tenant.yaml': stringify({
        apiVersion: 'tenancy.io/v1alpha1',
        kind: 'Tenant',
        metadata: { name: 'payments' },
        spec: {
          owner: 'group:default/team-payments',
          costCenter: 'CC-1',
          isolation: 'none',
        },
      }),
    });
    expect(problems.map(p => `${p.file} ${p.object} ${p.path}`)).toEqual([
      'appproject.yaml AppProject payments $.spec.destinations[0].namespaces',
      'catalog-info.yaml Resource payments-api-dev $.spec',
      'tenant.yaml Tenant payments $.spec.isolation',
    ]);
    expect(problems[1].rule).toContain("must have required property 'owner'");
  });

  it('refuses a kind without a schema, a hand-written Kustomization field and broken YAML: never skipped', () => {
    const { problems } = validateManifestFiles({
      'deploy.yaml': stringify({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'api' },
      }),
      'kustomization.yaml': stringify({
        apiVersion: 'kustomize.config.k8s.io/v1beta1',
        kind: 'Kustomization',
        resources: ['namespace.yaml'],
        patches: [],
      }),
      'broken.yaml': 'kind: [unclosed',
      'empty.yaml': '',
    });
    expect(problems).toEqual([
      {
        file: 'deploy.yaml',
        object: 'Deployment api',
        path: '$',
        rule: 'schema: no schema for apiVersion/kind apps/v1/Deployment',
      },
      expect.objectContaining({
        file: 'kustomization.yaml',
        object: 'Kustomization',
        path: '$.patches',
      }),
      expect.objectContaining({
        file: 'broken.yaml',
        object: 'document 1',
        rule: expect.stringMatching(/^yaml: /),
      }),
    ]);
  });
  it('checks Gatekeeper constraints by the shape every generated constraint CRD shares', () => {
    const constraint = {
      apiVersion: 'constraints.gatekeeper.sh/v1beta1',
      kind: 'TenancyAllowedRegistries',
      metadata: { name: 'tenancy-allowed-registries-payments' },
      spec: {
        enforcementAction: 'deny',
        match: {
          kinds: [{ apiGroups: [''], kinds: ['Pod'] }],
          namespaceSelector: {
            matchLabels: { 'tenancy.io/tenant': 'payments' },
          },
        },
        parameters: { registries: ['ghcr.io/acme/'] },
      },
    };
    expect(
      validateManifestFiles({ 'g.yaml': stringify(constraint) }).problems,
    ).toEqual([]);
    const wrong = {
      ...constraint,
      spec: {
        ...constraint.spec,
        enforcementAction: 'block',
        match: {
          ...constraint.spec.match,
          namespaceSelector: { matchLabel: {} },
        },
      },
    };
    expect(
      validateManifestFiles({ 'g.yaml': stringify(wrong) }).problems.map(p => [
        p.path,
        p.rule.split(' (')[0],
      ]),
    ).toEqual(
      expect.arrayContaining([
        [
          '$.spec.enforcementAction',
          'enum: must be equal to one of the allowed values',
        ],
        [
          '$.spec.match.namespaceSelector.matchLabel',
          'additionalProperties: not a field of this kind',
        ],
      ]),
    );
  });
});
