import { Config } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { AzureDevOpsPublisher } from './AzureDevOpsPublisher';
import { BitbucketServerPublisher } from './BitbucketServerPublisher';
import { GithubPublisher } from './GithubPublisher';
import { GitlabPublisher } from './GitlabPublisher';
import { LocalGitPublisher } from './LocalGitPublisher';
import { GitOpsPublisher } from './types';

/**
 * The publisher configured under `tenancy.gitops.publisher`. Paths of the
 * local publisher are relative to the backend's working directory; forge
 * publishers take their credentials from `integrations.*`.
 *
 * @public
 */
export async function createPublisher(
  config: Config,
): Promise<GitOpsPublisher | undefined> {
  const publisher = config.getOptionalConfig('tenancy.gitops.publisher');
  if (!publisher) {
    return undefined;
  }
  const type = publisher.getString('type');
  const forge = () => ({
    repoUrl: publisher.getString('repoUrl'),
    baseBranch: publisher.getOptionalString('baseBranch'),
    integrations: ScmIntegrations.fromConfig(config),
  });
  switch (type) {
    case 'local':
      return LocalGitPublisher.open({
        path: publisher.getString('path'),
        seedFrom: publisher.getOptionalString('seedFrom'),
        baseBranch: publisher.getOptionalString('baseBranch'),
      });
    case 'github':
      return GithubPublisher.create(forge());
    case 'gitlab':
      return GitlabPublisher.create(forge());
    case 'azure':
      return AzureDevOpsPublisher.create(forge());
    case 'bitbucketServer':
      return BitbucketServerPublisher.create(forge());
    default:
      throw new Error(
        `tenancy.gitops.publisher.type "${type}" is not supported; supported: local, github, gitlab, azure, bitbucketServer`,
      );
  }
}
