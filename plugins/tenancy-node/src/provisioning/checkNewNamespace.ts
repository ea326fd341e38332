import {
  GitOpsLayout,
  ProvisioningCheck,
  TenantEntityV1alpha1,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { GitOpsPublisher } from '../publishers/types';
import { refuseOverBudget } from './refuseOverBudget';
import { refuseTakenNamespace } from './refuseTakenNamespace';

/**
 * The precheck of a new namespace or vCluster: not on the base branch yet,
 * and within the tenant's budget with its open requests.
 *
 * @public
 */
export function checkNewNamespace(options: {
  what: 'namespace' | 'vCluster';
  layout: GitOpsLayout;
  tenant: TenantEntityV1alpha1;
  environment: string;
  namespace: string;
  quota: Record<string, string>;
}) {
  const { what, layout, tenant, environment, namespace, quota } = options;
  return async (base: GitOpsPublisher): Promise<ProvisioningCheck[]> => [
    ...(await refuseTakenNamespace({
      what,
      layout,
      tenant: tenant.metadata.name,
      environment,
      namespace,
    })(base)),
    ...(await refuseOverBudget({ what, layout, tenant, namespace, quota })(
      base,
    )),
  ];
}
