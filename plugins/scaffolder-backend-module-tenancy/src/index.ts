/**
 * The tenancy module for `@backstage/plugin-scaffolder-backend`: provisioning
 * actions that turn requests into pull requests on the GitOps repository.
 *
 * @packageDocumentation
 */

export { scaffolderModuleTenancy as default } from './module';
export type { TenancyActionDeps } from './actions/TenancyActionDeps';
export { createNamespaceCreateAction } from './actions/namespaceCreate';
export { createNamespaceUpdateAction } from './actions/namespaceUpdate';
export { createNamespaceDeleteAction } from './actions/namespaceDelete';
export { createVClusterCreateAction } from './actions/vclusterCreate';
export {
  createVClusterUpgradeAction,
  type VClusterUpgradeOutput,
} from './actions/vclusterUpgrade';
export type { VClusterUpgradeRequest } from './actions/vclusterUpgradeRequest';
export { createTenantCreateAction } from './actions/tenantCreate';
export { createTenantExceptionAction } from './actions/tenantException';
export {
  createNamespaceAdoptAction,
  type NamespaceAdoptActionDeps,
} from './actions/namespaceAdopt';
