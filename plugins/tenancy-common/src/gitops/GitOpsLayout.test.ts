import { GitOpsLayout } from './GitOpsLayout';

describe('GitOpsLayout', () => {
  it('places tenant, namespace and cluster files', () => {
    const layout = GitOpsLayout.create();
    expect(layout.tenantFile('payments')).toBe('tenants/payments/tenant.yaml');
    expect(
      layout.namespaceEntityFile('payments', 'dev', 'payments-api-dev'),
    ).toBe('tenants/payments/dev/payments-api-dev/catalog-info.yaml');
    expect(layout.clusterFile('prod-eu-1')).toBe('clusters/prod-eu-1.yaml');
  });

  it('accepts configured nested paths', () => {
    const layout = GitOpsLayout.create({ tenantsPath: './platform/tenants/' });
    expect(layout.tenantFile('a')).toBe('platform/tenants/a/tenant.yaml');
  });

  it.each(['/etc', '../outside', 'a/../../b', 'a//b'])(
    'rejects %s',
    tenantsPath => {
      expect(() => GitOpsLayout.create({ tenantsPath })).toThrow(
        /tenantsPath .* relative path/,
      );
    },
  );

  it('classifies the paths it writes, and only those', () => {
    const layout = GitOpsLayout.create({ tenantsPath: 'platform/tenants' });
    const paths = {
      tenant: layout.tenantFile('payments'),
      workload: layout.namespaceEntityFile('payments', 'dev', 'payments-dev'),
      cluster: layout.clusterFile('prod-eu-1'),
    };
    expect(layout.classify(paths.tenant)).toEqual({
      type: 'tenant',
      tenant: 'payments',
    });
    expect(layout.classify(paths.workload)).toEqual({
      type: 'workload',
      tenant: 'payments',
      environment: 'dev',
      name: 'payments-dev',
    });
    expect(layout.classify(paths.cluster)).toEqual({
      type: 'cluster',
      cluster: 'prod-eu-1',
    });
    for (const ignored of [
      'platform/tenants/payments/dev/payments-dev/namespace.yaml',
      'platform/tenants/payments/kustomization.yaml',
      'tenants/payments/tenant.yaml',
      'README.md',
      'clusters/nested/x.yaml',
    ]) {
      expect(layout.classify(ignored)).toBeUndefined();
    }
  });
});
