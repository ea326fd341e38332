/**
 * The tenancy module for @backstage/plugin-scaffolder-backend: provisioning
 * actions that turn requests into pull requests on the GitOps repository.
 *
 * @packageDocumentation
 */

export { scaffolderModuleTenancy as default } from './module';
export type { TenancyActionDeps } from './actions/TenancyActionDeps';
