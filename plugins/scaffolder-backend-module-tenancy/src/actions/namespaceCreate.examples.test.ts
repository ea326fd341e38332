import { promises as fs } from 'node:fs';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { GitOpsLayout } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { parse } from 'yaml';
import { createNamespaceCreateAction } from './namespaceCreate';
import { examples } from './namespaceCreate.examples';

describe('tenancy:namespace:create examples', () => {
  const workspace = createMockDirectory();
  const action = createNamespaceCreateAction({
    catalog: catalogServiceMock({
      entities: [
        {
          apiVersion: 'tenancy.io/v1alpha1',
          kind: 'Tenant',
          metadata: { name: 'payments', namespace: 'default' },
          spec: {
            owner: 'team-payments',
            costCenter: 'CC-1',
            environments: ['dev', 'prod'],
          },
        },
      ],
    }),
    layout: GitOpsLayout.create(),
  });

  beforeEach(() => workspace.clear());

  it.each(examples.map(e => [e.description, e.example]))(
    '%s',
    async (_d, example) => {
      const input = parse(example).steps[0].input;
      const ctx = createMockActionContext({
        input,
        workspacePath: workspace.path,
      });
      await action.handler(ctx as any);

      const [, files] = (ctx.output as jest.Mock).mock.calls.find(
        ([k]) => k === 'files',
      );
      expect(files).toHaveLength(2);
      for (const file of files) {
        await expect(fs.stat(workspace.resolve(file))).resolves.toBeTruthy();
      }
    },
  );
});
