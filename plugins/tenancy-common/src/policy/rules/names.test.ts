import { namesCases } from '../__testUtils__/cases/names';
import { context, itRejects, valid } from '../__testUtils__/namespaceRequest';
import { validateNamespaceRequest } from '../validateNamespaceRequest';
import {
  namespacePrefixOverlapRule,
  sharedTenantPrefix,
  tenantPrefixOverlapRule,
} from './names';

describe('name rules', () => {
  itRejects(namesCases);

  it.each([
    ['payments', 'payments-eu', 'payments-'],
    ['payments-eu', 'payments', 'payments-'],
    ['a', 'a-b-c', 'a-'],
    ['payments', 'payments', undefined],
    ['payments', 'paymentsx', undefined],
    ['pay', 'payments', undefined],
    ['checkout', 'payments-eu', undefined],
  ])('%s and %s share the namespace prefix %s', (a, b, prefix) => {
    expect(sharedTenantPrefix(a, b)).toBe(prefix);
  });

  it('reports a new tenant that shares a prefix either way', () => {
    expect(
      tenantPrefixOverlapRule('payments-eu', ['payments', 'checkout']),
    ).toEqual([
      {
        field: 'name',
        rule: 'prefix-overlap',
        message:
          'name "payments-eu" and tenant payments would share the namespace prefix "payments-"',
      },
    ]);
    expect(tenantPrefixOverlapRule('payments', ['payments-eu'])).toHaveLength(
      1,
    );
  });

  // Today's copy flagged every namespace that starts with `<other>-`, so a
  // tenant whose name extends another's (payments-eu beside payments) could
  // request no namespace at all: payments-eu-api-dev starts with payments-.
  it('lets a tenant whose name extends another tenant use its own prefix', () => {
    const input = { ...valid(), tenant: 'payments-eu' };
    const ctx = context({ name: 'payments-eu' }, ['payments', 'checkout']);
    expect(validateNamespaceRequest(input, ctx)).toEqual([]);
  });

  it("keeps a tenant out of a longer tenant's prefix, however deep", () => {
    expect(
      namespacePrefixOverlapRule('a-b-c-x-dev', 'a-b', ['a', 'a-b-c']),
    ).toEqual([expect.objectContaining({ rule: 'prefix-overlap' })]);
    expect(
      namespacePrefixOverlapRule('a-b-c-x-dev', 'a-b-c', ['a', 'a-b']),
    ).toEqual([]);
    expect(
      namespacePrefixOverlapRule('a-bc-dev', 'a', ['a-b', 'a-b-c']),
    ).toEqual([]);
  });
});
