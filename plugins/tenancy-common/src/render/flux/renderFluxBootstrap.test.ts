import { GitOpsLayout } from '../../gitops/GitOpsLayout';
import type { TenancyPolicy } from '../../policy/TenancyPolicy';
import { validateAgainstContracts } from '../../__testUtils__/validateAgainstContracts';
import { renderFluxBootstrap } from './renderFluxBootstrap';

const environment = (clusters: string[]) => ({
  clusters,
  podSecurity: 'baseline' as const,
  ceiling: { 'requests.cpu': '8' },
});

const policy: Pick<TenancyPolicy, 'environments'> = {
  environments: {
    dev: environment(['nonprod-eu-1']),
    staging: environment(['nonprod-eu-1']),
    prod: environment(['prod-eu-1']),
  },
};

const bootstrap = (
  overrides: Partial<Parameters<typeof renderFluxBootstrap>[0]> = {},
) =>
  renderFluxBootstrap({
    layout: GitOpsLayout.create(),
    cluster: 'nonprod-eu-1',
    url: 'https://github.com/acme/platform-gitops',
    branch: 'main',
    policy,
    tenants: [
      { tenant: 'payments', environments: ['prod', 'dev', 'staging'] },
      { tenant: 'data-platform', environments: ['dev'] },
      { tenant: 'search', environments: ['prod'] },
    ],
    ...overrides,
  });

const fluxObjects = (files: Record<string, any[]>) =>
  Object.values(files)
    .flat()
    .filter(o => String(o.apiVersion).includes('.fluxcd.io/'));

describe('renderFluxBootstrap', () => {
  it('renders the cluster folder: the lockdown, the platform source and one Kustomization per tenant and environment of the cluster', () => {
    const files = bootstrap();
    expect(Object.keys(files).sort()).toEqual([
      'bootstrap/flux/nonprod-eu-1/flux-system/kustomization.yaml',
      'bootstrap/flux/nonprod-eu-1/tenancy-platform.yaml',
      'bootstrap/flux/nonprod-eu-1/tenants/data-platform-dev.yaml',
      'bootstrap/flux/nonprod-eu-1/tenants/payments-dev.yaml',
      'bootstrap/flux/nonprod-eu-1/tenants/payments-staging.yaml',
    ]);
    const objects = fluxObjects(files);
    expect(objects.length).toBe(5);
    for (const object of objects) {
      expect([object.metadata.name, validateAgainstContracts(object)]).toEqual([
        object.metadata.name,
        [],
      ]);
    }
  });

  it('fetches the platform repository in flux-system and applies the cluster roles as the platform', () => {
    const [source, roles] = bootstrap({
      interval: '30s',
      secretName: 'platform-gitops-auth',
    })['bootstrap/flux/nonprod-eu-1/tenancy-platform.yaml'] as any[];
    expect(source).toEqual({
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'GitRepository',
      metadata: { name: 'tenancy-platform', namespace: 'flux-system' },
      spec: {
        url: 'https://github.com/acme/platform-gitops',
        ref: { branch: 'main' },
        interval: '30s',
        secretRef: { name: 'platform-gitops-auth' },
      },
    });
    expect(validateAgainstContracts(source)).toEqual([]);
    expect(roles.metadata).toEqual({
      name: 'tenancy-cluster-roles',
      namespace: 'flux-system',
    });
    expect(roles.spec).toMatchObject({
      path: './bootstrap/cluster-roles',
      sourceRef: { kind: 'GitRepository', name: 'tenancy-platform' },
      serviceAccountName: 'kustomize-controller',
      prune: true,
    });
  });

  it('applies each tenant environment folder of this cluster with the platform account, pruned and waited for, without a target namespace', () => {
    const files = bootstrap({
      layout: GitOpsLayout.create({ tenantsPath: 'teams' }),
    });
    const tenants = Object.entries(files)
      .filter(([path]) => path.includes('/tenants/'))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, [k]]) => k as any);
    // search has only prod (another cluster); payments' prod is left out.
    expect(tenants.map(k => k.metadata.name)).toEqual([
      'tenancy-data-platform-dev',
      'tenancy-payments-dev',
      'tenancy-payments-staging',
    ]);
    expect(tenants[1]).toEqual({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: {
        name: 'tenancy-payments-dev',
        namespace: 'flux-system',
        labels: {
          'tenancy.io/tenant': 'payments',
          'tenancy.io/environment': 'dev',
        },
      },
      spec: {
        interval: '10m',
        retryInterval: '2m',
        timeout: '5m',
        sourceRef: { kind: 'GitRepository', name: 'tenancy-platform' },
        path: './teams/payments/dev',
        prune: true,
        wait: true,
        serviceAccountName: 'kustomize-controller',
        dependsOn: [{ name: 'tenancy-cluster-roles' }],
        // A tenant's own delivery is applied, not waited for: a broken
        // tenant repository fails its own Kustomization only.
        healthCheckExprs: [
          {
            apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
            kind: 'Kustomization',
            current: 'true',
          },
          {
            apiVersion: 'source.toolkit.fluxcd.io/v1',
            kind: 'GitRepository',
            current: 'true',
          },
          {
            apiVersion: 'source.toolkit.fluxcd.io/v1',
            kind: 'OCIRepository',
            current: 'true',
          },
        ],
      },
    });
    for (const k of tenants) {
      expect(k.spec.targetNamespace).toBeUndefined();
      expect(k.spec.sourceRef.namespace).toBeUndefined();
    }
  });

  it('patches the Flux controllers with the multi-tenancy lockdown flags', () => {
    const [kustomization] = bootstrap()[
      'bootstrap/flux/nonprod-eu-1/flux-system/kustomization.yaml'
    ] as any[];
    expect(kustomization.resources).toEqual([
      'gotk-components.yaml',
      'gotk-sync.yaml',
    ]);
    const patches = kustomization.patches.map((p: any) => ({
      target: p.target,
      ops: JSON.parse(p.patch),
    }));
    const args = (arg: string) => [
      {
        op: 'add',
        path: '/spec/template/spec/containers/0/args/-',
        value: arg,
      },
    ];
    expect(patches).toEqual([
      {
        target: {
          kind: 'Deployment',
          name: '(kustomize-controller|helm-controller|notification-controller|image-reflector-controller|image-automation-controller)',
        },
        ops: args('--no-cross-namespace-refs=true'),
      },
      {
        target: { kind: 'Deployment', name: 'kustomize-controller' },
        ops: args('--no-remote-bases=true'),
      },
      {
        target: {
          kind: 'Deployment',
          name: '(kustomize-controller|helm-controller)',
        },
        ops: args('--default-service-account=default'),
      },
      {
        target: { kind: 'Kustomization', name: 'flux-system' },
        ops: [
          {
            op: 'add',
            path: '/spec/serviceAccountName',
            value: 'kustomize-controller',
          },
        ],
      },
    ]);
    // source-controller takes none of the flags.
    expect(JSON.stringify(patches)).not.toContain('source-controller');
  });

  it('writes no tenant file when no tenant has a folder on the cluster', () => {
    const files = bootstrap({ cluster: 'prod-eu-1', tenants: [] });
    expect(Object.keys(files).sort()).toEqual([
      'bootstrap/flux/prod-eu-1/flux-system/kustomization.yaml',
      'bootstrap/flux/prod-eu-1/tenancy-platform.yaml',
    ]);
  });

  it('refuses an environment shared with another cluster, an scp-like URL and a bad interval', () => {
    expect(() =>
      bootstrap({
        policy: {
          environments: {
            ...policy.environments,
            dev: environment(['nonprod-eu-1', 'nonprod-us-1']),
          },
        },
      }),
    ).toThrow(
      'tenancy.policy.environments.dev.clusters (flux-one-cluster): environment dev runs on nonprod-eu-1, nonprod-us-1',
    );
    expect(() =>
      bootstrap({ url: 'git@github.com:acme/platform-gitops.git' }),
    ).toThrow('url (flux-source-url)');
    expect(() => bootstrap({ interval: '1 minute' })).toThrow(
      'interval (duration)',
    );
  });

  it('is checked by the schemas: a wrong field fails validation', () => {
    const [source, roles] = bootstrap()[
      'bootstrap/flux/nonprod-eu-1/tenancy-platform.yaml'
    ] as any[];
    // Argo CD's name of the field, not Flux's.
    const wrongSource = {
      ...source,
      spec: { ...source.spec, targetRevision: 'main' },
    };
    expect(validateAgainstContracts(wrongSource)).toEqual([
      expect.stringContaining('must NOT have additional properties'),
    ]);
    // prune is required.
    const { prune: _prune, ...spec } = roles.spec;
    expect(validateAgainstContracts({ ...roles, spec })).toEqual([
      expect.stringContaining("must have required property 'prune'"),
    ]);
    // The interval is a Go duration.
    expect(
      validateAgainstContracts({
        ...roles,
        spec: { ...roles.spec, interval: '10 minutes' },
      }),
    ).toEqual([expect.stringContaining('/spec/interval must match pattern')]);
    // Metadata is ObjectMeta, checked although the CRD says only "object".
    expect(
      validateAgainstContracts({
        ...roles,
        metadata: { ...roles.metadata, label: { a: 'b' } },
      }),
    ).toEqual([expect.stringContaining('/metadata')]);
  });
});
