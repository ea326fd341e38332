import {
  GitOpsLayout,
  tenantBudgetRule,
  TenantEntityV1alpha1,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { GitOpsPublisher } from '../publishers/types';
import { readTenantQuotaUsage } from './readTenantQuotaUsage';
import { throwIfInvalid } from './throwIfInvalid';

/**
 * A precheck of the namespace and vCluster requests: the request's quota,
 * added to the tenant's other namespaces and vClusters on the base branch
 * and in open requests, stays within the tenant's `spec.quotaBudget`.
 */
export function refuseOverBudget(options: {
  what: string;
  layout: GitOpsLayout;
  tenant: TenantEntityV1alpha1;
  namespace: string;
  quota: Record<string, string>;
}) {
  return async (publisher: GitOpsPublisher) => {
    const { tenant } = options;
    if (!tenant.spec.quotaBudget) {
      return [
        {
          name: 'tenant budget',
          result: 'skipped' as const,
          detail: `tenant ${tenant.metadata.name} sets no quotaBudget`,
        },
      ];
    }
    const used = await readTenantQuotaUsage({
      publisher,
      layout: options.layout,
      tenant: tenant.metadata.name,
      namespace: options.namespace,
    });
    const { lines, problems } = tenantBudgetRule({
      tenant: tenant.metadata.name,
      budget: tenant.spec.quotaBudget,
      used: used.map(u => u.quota),
      requested: options.quota,
    });
    throwIfInvalid(options.what, problems);
    return lines.map(line => ({
      name: `tenant budget: ${line.resource} ${line.requested} requested, ${line.used} used by the tenant's other namespaces and open requests, ${line.remaining} of ${line.budget} left`,
      result: 'passed' as const,
    }));
  };
}
