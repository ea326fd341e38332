/**
 * Node.js parts of the tenancy plugins shared by the backend plugin (which
 * reads a tenant's requests) and the scaffolder module (which opens them):
 * the publishers of the GitOps repository, and the one reader of the
 * `tenancy.gitops`, `tenancy.policy` and `tenancy.tenants` settings.
 *
 * @packageDocumentation
 */

export { requestBranch, requestBranchPrefix } from './publishers/requestBranch';
export { createPublisher } from './publishers/createPublisher';
export { LocalGitPublisher } from './publishers/LocalGitPublisher';
export { GithubPublisher } from './publishers/GithubPublisher';
export { GitlabPublisher } from './publishers/GitlabPublisher';
export { AzureDevOpsPublisher } from './publishers/AzureDevOpsPublisher';
export { BitbucketServerPublisher } from './publishers/BitbucketServerPublisher';
export {
  mergeYamlChange,
  type YamlMergeResult,
} from './publishers/mergeYamlChange';
export type {
  ChangeRequest,
  GitOpsPublisher,
  PublishedRequest,
  RequestState,
} from './publishers/types';
export {
  checkNamespaceAvailability,
  type NamespaceAvailability,
} from './provisioning/checkNamespaceAvailability';
export { readTenancyConfig } from './config/readTenancyConfig';
export type { TenancyConfig } from './config/readTenancyConfig';
export { readTenantQuotaUsage } from './provisioning/readTenantQuotaUsage';
export { readTenancyPolicy } from './config/readTenancyPolicy';
export type { ProvisioningRun } from './provisioning/ProvisioningRun';
export type { ProvisioningDeps } from './provisioning/ProvisioningDeps';
export {
  requestNamespace,
  type NamespaceRequest,
} from './provisioning/requestNamespace';
export {
  changeNamespace,
  type NamespaceChange,
} from './provisioning/changeNamespace';
export { decommissionNamespace } from './provisioning/decommissionNamespace';
export {
  runProvisioning,
  type ProvisioningPlan,
} from './provisioning/runProvisioning';
export {
  auditedRun,
  noteAudit,
  type RequestAuditMeta,
} from './provisioning/auditedRun';
export { startTenantRequest } from './provisioning/startTenantRequest';
export { authorizeForOwner } from './provisioning/authorizeTenantRequest';
export { provisioningContext } from './provisioning/provisioningContext';
export { addDeliveryTarget } from './provisioning/addDeliveryTarget';
export { checkNewNamespace } from './provisioning/checkNewNamespace';
export { refuseOtherOpenRequest } from './provisioning/refuseOtherOpenRequest';
export { resolveClusterName } from './provisioning/resolveClusterName';
