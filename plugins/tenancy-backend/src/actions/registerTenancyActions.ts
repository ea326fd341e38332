import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { ProvisioningCheckService } from '../provisioning/ProvisioningCheckService';
import { TenantRequestsService } from '../requests/TenantRequestsService';
import { SummaryService } from '../summary/SummaryService';
import { registerChangeQuotaAction } from './registerChangeQuotaAction';
import { registerDecommissionAction } from './registerDecommissionAction';
import { registerFleetOverviewAction } from './registerFleetOverviewAction';
import { registerNamespaceCheckAction } from './registerNamespaceCheckAction';
import { registerRequestNamespaceAction } from './registerRequestNamespaceAction';
import { registerTenantRequestsAction } from './registerTenantRequestsAction';
import { registerTenantSummaryAction } from './registerTenantSummaryAction';
import { TenancyWriteActionsOptions } from './TenancyWriteActionsOptions';

/**
 * Registers the tenancy actions for AI agents with the actions registry
 * (served under the `tenancy` plugin source, e.g. by the MCP actions
 * backend): four read actions over the plugin's services and three write
 * actions that run the scaffolder actions' own requests. Every action acts
 * with the caller's credentials.
 */
export function registerTenancyActions(
  registry: ActionsRegistryService,
  options: TenancyWriteActionsOptions & {
    summaries: SummaryService;
    requests: TenantRequestsService;
    provisioning: ProvisioningCheckService;
  },
) {
  registerTenantSummaryAction(registry, options.summaries);
  registerFleetOverviewAction(registry, options.summaries);
  registerTenantRequestsAction(registry, options.requests);
  registerNamespaceCheckAction(registry, options.provisioning);
  registerRequestNamespaceAction(registry, options);
  registerChangeQuotaAction(registry, options);
  registerDecommissionAction(registry, options);
}
