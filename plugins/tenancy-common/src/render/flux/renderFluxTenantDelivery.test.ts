import { validateAgainstContracts } from '../../__testUtils__/validateAgainstContracts';
import { renderFluxTenantDelivery } from './renderFluxTenantDelivery';

const policy = {
  argocd: {
    sourceRepos: [
      'https://github.com/acme/{tenant}-deploy',
      'oci://registry.acme.internal/{tenant}/*',
    ],
  },
  clusterRoles: ['tenancy-tenant'],
};

const delivery = (
  overrides: Partial<Parameters<typeof renderFluxTenantDelivery>[0]> = {},
) =>
  renderFluxTenantDelivery({
    tenant: 'payments',
    namespace: 'payments-dev',
    url: 'https://github.com/acme/payments-deploy',
    path: './dev',
    policy,
    ...overrides,
  });

describe('renderFluxTenantDelivery', () => {
  it('renders a Git delivery in the tenant namespace, applied with the tenant service account into that namespace', () => {
    const objects = delivery() as any[];
    expect(objects.map(o => `${o.kind}/${o.metadata.name}`)).toEqual([
      'ServiceAccount/tenancy-reconciler',
      'RoleBinding/tenancy-reconciler-tenancy-tenant',
      'GitRepository/tenant-apps',
      'Kustomization/tenant-apps',
    ]);
    for (const o of objects) {
      expect([o.kind, validateAgainstContracts(o)]).toEqual([o.kind, []]);
      expect(o.metadata.namespace).toBe('payments-dev');
      expect(o.metadata.labels).toEqual({ 'tenancy.io/tenant': 'payments' });
    }
    const [, binding, source, kustomization] = objects;
    expect(binding.roleRef).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: 'tenancy-tenant',
    });
    expect(binding.subjects).toEqual([
      {
        kind: 'ServiceAccount',
        name: 'tenancy-reconciler',
        namespace: 'payments-dev',
      },
    ]);
    expect(source.spec).toEqual({
      url: 'https://github.com/acme/payments-deploy',
      ref: { branch: 'main' },
      interval: '5m',
    });
    expect(kustomization.spec).toEqual({
      interval: '5m',
      retryInterval: '1m',
      timeout: '5m',
      sourceRef: { kind: 'GitRepository', name: 'tenant-apps' },
      path: './dev',
      prune: true,
      wait: true,
      targetNamespace: 'payments-dev',
      serviceAccountName: 'tenancy-reconciler',
    });
  });

  it('renders an OCIRepository for an oci:// URL', () => {
    const objects = delivery({
      url: 'oci://registry.acme.internal/payments/manifests',
      tag: '1.4.0',
      name: 'payments-api',
      secretName: 'registry-auth',
    }) as any[];
    const [, , source, kustomization] = objects;
    expect(source).toEqual({
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'OCIRepository',
      metadata: {
        name: 'payments-api',
        namespace: 'payments-dev',
        labels: { 'tenancy.io/tenant': 'payments' },
      },
      spec: {
        url: 'oci://registry.acme.internal/payments/manifests',
        ref: { tag: '1.4.0' },
        interval: '5m',
        secretRef: { name: 'registry-auth' },
      },
    });
    expect(kustomization.spec.sourceRef).toEqual({
      kind: 'OCIRepository',
      name: 'payments-api',
    });
    for (const o of objects) {
      expect([o.kind, validateAgainstContracts(o)]).toEqual([o.kind, []]);
    }
  });

  it('accepts the policy URL with .git or a trailing slash, in another case', () => {
    expect(() =>
      delivery({ url: 'https://GitHub.com/acme/payments-deploy.git' }),
    ).not.toThrow();
    expect(() =>
      delivery({ url: 'https://github.com/acme/payments-deploy/' }),
    ).not.toThrow();
  });

  it.each([
    ['another tenant’s repository', 'https://github.com/acme/checkout-deploy'],
    [
      'a repository outside the policy',
      'https://github.com/evil/payments-deploy',
    ],
    [
      'an OCI path deeper than the pattern’s segment',
      'oci://registry.acme.internal/payments/a/b',
    ],
  ])('refuses %s, naming the field, the rule and the policy key', (_, url) => {
    expect(() => delivery({ url })).toThrow(
      `Flux delivery payments-dev/tenant-apps: url (allowed-source): url ${url} is not allowed for tenant payments by tenancy.policy.argocd.sourceRepos (https://github.com/acme/payments-deploy, oci://registry.acme.internal/payments/*)`,
    );
  });

  it('refuses what the source CRDs would, and refs of the other source type', () => {
    expect(() =>
      delivery({ url: 'git@github.com:acme/payments-deploy.git' }),
    ).toThrow('url (flux-source-url)');
    expect(() => delivery({ interval: '5 minutes' })).toThrow(
      'interval (duration)',
    );
    expect(() => delivery({ tag: 'v1' })).toThrow('tag (oci-only)');
    expect(() =>
      delivery({
        url: 'oci://registry.acme.internal/payments/manifests',
        branch: 'main',
      }),
    ).toThrow('branch (git-only)');
  });

  it.each([
    'refs/heads/main',
    'feature..x',
    'topic.lock',
    '.hidden',
    'release/',
    'with space',
    '-flag',
    'a//b',
  ])('refuses the branch %j, as git check-ref-format does', branch => {
    expect(() => delivery({ branch })).toThrow('branch (git-branch)');
  });

  it('takes branch names Git takes, and refuses a URL with spaces', () => {
    for (const branch of ['release/1.2', 'feat-x', 'main']) {
      expect(() => delivery({ branch })).not.toThrow();
    }
    expect(() =>
      delivery({ url: 'https://github.com/acme/payments-deploy ' }),
    ).toThrow('url (flux-source-url)');
  });

  it('refuses an interval under a minute, an ssh:// source without a Secret and a bad Secret name', () => {
    expect(() => delivery({ interval: '30s' })).toThrow(
      'interval (min-interval): "30s" is shorter than 1m',
    );
    expect(() => delivery({ interval: '0.5m' })).toThrow(
      'interval (min-interval)',
    );
    expect(() => delivery({ interval: '1m' })).not.toThrow();
    expect(() => delivery({ interval: '1h30m' })).not.toThrow();
    const ssh = 'ssh://git@github.com/acme/payments-deploy';
    const sshPolicy = {
      ...policy,
      argocd: { sourceRepos: ['ssh://git@github.com/acme/payments-deploy'] },
    };
    expect(() => delivery({ url: ssh, policy: sshPolicy })).toThrow(
      'secretName (ssh-credentials)',
    );
    expect(() =>
      delivery({ url: ssh, policy: sshPolicy, secretName: 'Deploy_Key' }),
    ).toThrow('secretName (dns-1123-subdomain)');
    const objects = delivery({
      url: ssh,
      policy: sshPolicy,
      secretName: 'deploy-key',
    });
    expect(objects.find(o => o.kind === 'GitRepository')!.spec).toMatchObject({
      secretRef: { name: 'deploy-key' },
    });
  });

  it('honours deny patterns and * as Argo CD does', () => {
    const with_ = (sourceRepos: string[]) => ({
      ...policy,
      argocd: { sourceRepos },
    });
    expect(() =>
      delivery({
        policy: with_(['*']),
        url: 'ssh://git.example.com/x',
        secretName: 'deploy-key',
      }),
    ).not.toThrow();
    expect(() =>
      delivery({
        policy: with_([
          'https://github.com/acme/**',
          '!https://github.com/acme/secret*',
        ]),
        url: 'https://github.com/acme/secret-infra',
      }),
    ).toThrow('url (allowed-source)');
    expect(() =>
      delivery({
        policy: with_(['https://github.com/acme/**']),
        url: 'https://github.com/acme/team/payments',
      }),
    ).not.toThrow();
    expect(() => delivery({ policy: with_([]) })).toThrow(
      'tenancy.policy.argocd.sourceRepos (empty)',
    );
  });

  it('is checked by the schemas: a wrong field fails validation', () => {
    const kustomization = delivery()[3] as any;
    expect(
      validateAgainstContracts({
        ...kustomization,
        spec: {
          ...kustomization.spec,
          sourceRef: {
            ...kustomization.spec.sourceRef,
            kind: 'HelmRepository',
          },
        },
      }),
    ).toEqual([
      expect.stringContaining(
        '/spec/sourceRef/kind must be equal to one of the allowed values',
      ),
    ]);
    expect(
      validateAgainstContracts({
        ...kustomization,
        spec: { ...kustomization.spec, serviceAccount: 'tenancy-reconciler' },
      }),
    ).toEqual([expect.stringContaining('must NOT have additional properties')]);
  });
});
