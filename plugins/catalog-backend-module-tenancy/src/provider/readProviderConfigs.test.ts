import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { ConfigReader } from '@backstage/config';
import { readTenancyConfig } from '@tenancy-plugins/backstage-plugin-tenancy-node';
import catalogModuleTenancy from '..';
import { readProviderConfigs } from './readProviderConfigs';

const read = (data: object) => {
  const config = new ConfigReader(data);
  return readProviderConfigs(config, readTenancyConfig(config).layout);
};

describe('readProviderConfigs', () => {
  it('reads tenants from the folder the provisioning actions write to', () => {
    const [provider] = read({
      tenancy: { gitops: { tenantsPath: 'platform/tenants' } },
      catalog: { providers: { tenancy: { target: './repo' } } },
    });
    expect(provider.id).toBe('default');
    expect(provider.layout.tenantsPath).toBe('platform/tenants');
    expect(provider.layout.clustersPath).toBe('clusters');
  });

  it('defaults to tenants, and accepts the same folder written another way', () => {
    const providers = read({
      catalog: {
        providers: {
          tenancy: {
            a: { target: './a' },
            b: { target: './b', tenantsPath: './tenants/', clustersPath: 'c' },
          },
        },
      },
    });
    expect(providers.map(p => [p.id, p.layout.tenantsPath])).toEqual([
      ['a', 'tenants'],
      ['b', 'tenants'],
    ]);
    expect(providers[1].layout.clustersPath).toBe('c');
  });

  it('refuses a provider whose tenants folder differs from tenancy.gitops.tenantsPath', () => {
    expect(() =>
      read({
        tenancy: { gitops: { tenantsPath: 'platform/tenants' } },
        catalog: {
          providers: {
            tenancy: { main: { target: './repo', tenantsPath: 'tenants' } },
          },
        },
      }),
    ).toThrow(
      'catalog.providers.tenancy.main.tenantsPath "tenants" differs from tenancy.gitops.tenantsPath "platform/tenants", the folder the provisioning actions write tenants to',
    );
  });

  it('stops the catalog from starting on a mismatch', async () => {
    await expect(
      startTestBackend({
        features: [
          catalogPlugin,
          catalogModuleTenancy,
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                providers: {
                  tenancy: { target: './repo', tenantsPath: 'other' },
                },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(
      /catalog.providers.tenancy.tenantsPath "other" differs from tenancy.gitops.tenantsPath "tenants"/,
    );
  });
});
