/**
 * The tenancy module for @backstage/plugin-scaffolder-backend: provisioning
 * actions that turn requests into pull requests on the GitOps repository.
 *
 * @packageDocumentation
 */

export { scaffolderModuleTenancy as default } from './module';
export { LocalGitPublisher } from './publishers/LocalGitPublisher';
export { GithubPublisher } from './publishers/GithubPublisher';
export type {
  ChangeRequest,
  GitOpsPublisher,
  PublishedRequest,
  RequestState,
} from './publishers/types';
export type { TenancyActionDeps } from './actions/TenancyActionDeps';
