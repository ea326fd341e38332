import { checkFluxTenantSource } from './checkFluxTenantSource';

const policy = {
  argocd: { sourceRepos: ['https://github.com/acme/{tenant}-deploy'] },
};

describe('checkFluxTenantSource', () => {
  it('allows the tenant’s own repository of the policy', () => {
    expect(
      checkFluxTenantSource({
        tenant: 'payments',
        url: 'https://github.com/acme/payments-deploy',
        policy,
      }),
    ).toEqual([]);
  });

  it('names the field and the rule of a refused URL', () => {
    expect(
      checkFluxTenantSource({
        tenant: 'payments',
        url: 'https://github.com/acme/checkout-deploy',
        policy,
      }),
    ).toEqual([
      {
        field: 'url',
        rule: 'allowed-source',
        message:
          'url https://github.com/acme/checkout-deploy is not allowed for tenant payments by tenancy.policy.argocd.sourceRepos (https://github.com/acme/payments-deploy)',
      },
    ]);
    expect(
      checkFluxTenantSource({
        tenant: 'payments',
        url: 'git@github.com:acme/payments-deploy.git',
        policy,
      }).map(p => `${p.field} (${p.rule})`),
    ).toEqual(['url (flux-source-url)']);
  });

  it('does not let a pattern’s dot or * match more than it says', () => {
    const check = (url: string, sourceRepos: string[]) =>
      checkFluxTenantSource({
        tenant: 'payments',
        url,
        policy: { argocd: { sourceRepos } },
      }).length === 0;
    expect(
      check('https://githubXcom/acme/x', ['https://github.com/acme/x']),
    ).toBe(false);
    expect(
      check('https://github.com/acme/x/y', ['https://github.com/acme/*']),
    ).toBe(false);
    expect(
      check('https://github.com/acme/x', ['https://github.com/acme/*']),
    ).toBe(true);
    expect(
      check('https://github.com/acme/x.git', ['https://github.com/acme/x']),
    ).toBe(true);
  });
});
