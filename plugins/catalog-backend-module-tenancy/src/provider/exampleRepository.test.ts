import { resolve } from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { GitOpsLayout } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { parseGitOpsTree } from './parseGitOpsTree';
import { readGitOpsTree } from './readGitOpsTree';

describe('examples/gitops-repo', () => {
  it('ingests without a single problem: three clusters (one on Flux), tenants, namespaces and two vClusters', async () => {
    const layout = GitOpsLayout.create();
    const tree = await readGitOpsTree({
      target: resolve(__dirname, '../../../../examples/gitops-repo'),
      reader: mockServices.urlReader.mock(),
      wanted: path => layout.classify(path) !== undefined,
    });
    const { entities, problems } = parseGitOpsTree({
      files: tree!.files,
      layout,
      locationOf: tree!.locationOf,
    });

    expect(problems).toEqual([]);
    const count = (kind: string, type?: string) =>
      entities.filter(e => e.kind === kind && (!type || e.spec?.type === type))
        .length;
    expect(count('Tenant')).toBe(4);
    expect(count('Resource', 'kubernetes-cluster')).toBe(3);
    expect(count('Resource', 'kubernetes-namespace')).toBe(16);
    expect(count('Resource', 'vcluster')).toBe(2);
  });
});
