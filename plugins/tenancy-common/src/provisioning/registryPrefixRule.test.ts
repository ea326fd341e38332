import { registryPrefixRule } from './registryPrefixRule';

describe('registryPrefixRule', () => {
  it.each([
    'ghcr.io/acme-payments/',
    'registry.acme.internal:5000/',
    'docker.io/acme/team_a/',
    'localhost:5000/',
  ])('accepts %s', registry => {
    expect(registryPrefixRule(registry, 'r')).toEqual([]);
  });

  it.each([
    ['https://ghcr.io/acme/', 'no-scheme'],
    ['oci://ghcr.io/acme/', 'no-scheme'],
    ['ghcr.io/acme/*', 'no-wildcard'],
    ['ghcr.io/acme/app?/', 'no-wildcard'],
    ['ghcr.io/acme/app:latest', 'no-tag'],
    ['ghcr.io/acme/app@sha256:0123', 'no-tag'],
    ['Ghcr.io/acme/', 'lowercase'],
    ['ghcr.io/acme', 'trailing-slash'],
    ['ghcr.io', 'trailing-slash'],
    ['', 'registry-prefix'],
    ['/acme/', 'registry-prefix'],
    ['ghcr.io/acme-/', 'registry-prefix'],
    ['ghcr.io /acme/', 'registry-prefix'],
    [`ghcr.io/${'a'.repeat(260)}/`, 'registry-prefix'],
  ])('refuses %s (%s), naming the field', (registry, rule) => {
    expect(registryPrefixRule(registry, 'addRegistries[2]')).toEqual([
      {
        field: 'addRegistries[2]',
        rule,
        message: expect.stringContaining(`addRegistries[2] "${registry}" `),
      },
    ]);
  });
});
