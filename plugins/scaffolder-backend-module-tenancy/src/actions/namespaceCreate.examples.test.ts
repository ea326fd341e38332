import { join } from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { parse } from 'yaml';
import { examples } from './namespaceCreate.examples';
import { runAction } from './__testUtils__/runAction';
import { setUpAction } from './__testUtils__/setUpNamespaceCreateAction';

describe('tenancy:namespace:create examples', () => {
  const dir = createMockDirectory();
  beforeEach(() => dir.clear());

  it.each(examples.map(e => [e.description, e.example]))(
    '%s',
    async (_d, example) => {
      const setup = await setUpAction({ root: dir.path });
      const input = parse(example).steps[0].input;
      const outputs = await runAction(setup.action, input, {
        workspacePath: join(dir.path, 'ws'),
      });
      expect(outputs.pullRequestNumber).toBe(1);
      // The bundle's 7 files and the tenant's AppProject.
      expect(outputs.files).toHaveLength(8);
      expect(outputs.files).toContain('tenants/payments/appproject.yaml');
    },
  );
});
