import { GitOpsLayout } from './GitOpsLayout';

describe('GitOpsLayout', () => {
  it('places tenant and namespace files under the tenants path', () => {
    const layout = GitOpsLayout.create();
    expect(layout.tenantFile('payments')).toBe('tenants/payments/tenant.yaml');
    expect(
      layout.namespaceEntityFile('payments', 'dev', 'payments-api-dev'),
    ).toBe('tenants/payments/dev/payments-api-dev/catalog-info.yaml');
  });

  it('accepts a configured nested path', () => {
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
});
