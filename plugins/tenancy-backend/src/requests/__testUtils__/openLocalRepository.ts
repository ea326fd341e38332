import { MockDirectory } from '@backstage/backend-test-utils';
import { LocalGitPublisher } from '@tenancy-plugins/backstage-plugin-tenancy-node';

/** A fresh local GitOps repository in the mock directory, and its path. */
export async function openLocalRepository(dir: MockDirectory) {
  dir.setContent({ seed: { 'README.md': 'gitops\n' } });
  const repo = `${dir.path}/repo`;
  const publisher = await LocalGitPublisher.open({
    path: repo,
    seedFrom: `${dir.path}/seed`,
  });
  return { repo, publisher };
}
