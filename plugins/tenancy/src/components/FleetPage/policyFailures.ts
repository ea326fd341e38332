import { PolicyResultCounts } from '@tenancy-plugins/backstage-plugin-tenancy-common';

/** Failing and erroring policy results; undefined without policy data. */
export function policyFailures(
  counts: PolicyResultCounts | undefined,
): number | undefined {
  return counts ? counts.fail + counts.error : undefined;
}
