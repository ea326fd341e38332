import { describeRequestBranch } from './describeRequestBranch';

describe('describeRequestBranch', () => {
  it('reads each kind of request branch the tenancy actions open', () => {
    expect(describeRequestBranch('tenancy/payments/payments-api-dev')).toEqual({
      tenant: 'payments',
      subject: 'payments-api-dev',
      kind: 'create',
      namespace: 'payments-api-dev',
    });
    expect(
      describeRequestBranch('tenancy/payments/payments-dev-update')?.kind,
    ).toBe('update');
    expect(
      describeRequestBranch('tenancy/payments/payments-dev-delete')?.namespace,
    ).toBe('payments-dev');
    expect(describeRequestBranch('tenancy/payments/onboarding')?.kind).toBe(
      'onboarding',
    );
    // A vCluster's chart upgrade is about the vCluster, not a new namespace.
    expect(
      describeRequestBranch(
        'tenancy/data-platform/data-platform-vc-sandbox-dev-upgrade-0.36.2',
      ),
    ).toEqual({
      tenant: 'data-platform',
      subject: 'data-platform-vc-sandbox-dev-upgrade-0.36.2',
      kind: 'upgrade',
      namespace: 'data-platform-vc-sandbox-dev',
    });
  });

  it('is undefined for a branch of another shape', () => {
    expect(describeRequestBranch('main')).toBeUndefined();
    expect(describeRequestBranch('tenancy/payments')).toBeUndefined();
    expect(describeRequestBranch('tenancy/payments/a/b')).toBeUndefined();
  });
});
