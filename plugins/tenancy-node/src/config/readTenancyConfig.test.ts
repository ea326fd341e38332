import { ConfigReader } from '@backstage/config';
import { readTenancyConfig } from './readTenancyConfig';

describe('readTenancyConfig', () => {
  it('reads the layout, the policy and the cost-center pattern', () => {
    const { layout, policy } = readTenancyConfig(
      new ConfigReader({
        tenancy: {
          gitops: { tenantsPath: './platform/tenants/' },
          policy: { reservedPrefixes: ['kube-'] },
          tenants: { costCenterPattern: 'CC-[0-9]{4}' },
        },
      }),
    );
    expect(layout.tenantsPath).toBe('platform/tenants');
    expect(policy.reservedPrefixes).toEqual(['kube-']);
    expect(policy.costCenterPattern).toBe('CC-[0-9]{4}');
  });

  it('reads how often open requests are brought up to date, every minute by default', () => {
    expect(readTenancyConfig(new ConfigReader({})).refreshRequests).toEqual({
      frequency: { minutes: 1 },
    });
    expect(
      readTenancyConfig(
        new ConfigReader({
          tenancy: {
            gitops: { refreshRequests: { frequency: { seconds: 30 } } },
          },
        }),
      ).refreshRequests,
    ).toEqual({ frequency: { seconds: 30 } });
    expect(() =>
      readTenancyConfig(
        new ConfigReader({
          tenancy: { gitops: { refreshRequests: { frequency: 'often' } } },
        }),
      ),
    ).toThrow(/tenancy.gitops.refreshRequests.frequency/);
  });

  it('defaults to the tenants folder and no cost-center pattern', () => {
    const { layout, policy } = readTenancyConfig(new ConfigReader({}));
    expect(layout.tenantsPath).toBe('tenants');
    expect(policy.costCenterPattern).toBeUndefined();
    expect(policy.reservedNamespaces).toContain('kube-system');
  });

  it('refuses to start with a broken pattern or a tenants path outside the repository', () => {
    expect(() =>
      readTenancyConfig(
        new ConfigReader({ tenancy: { tenants: { costCenterPattern: '([' } } }),
      ),
    ).toThrow(
      /tenancy.tenants.costCenterPattern is not a valid regular expression/,
    );
    expect(() =>
      readTenancyConfig(
        new ConfigReader({ tenancy: { gitops: { tenantsPath: '../x' } } }),
      ),
    ).toThrow(/tenantsPath/);
  });
});
