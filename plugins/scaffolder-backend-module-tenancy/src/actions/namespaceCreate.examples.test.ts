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
      // The bundle's 7 files (8 with a delivery) and, on Argo CD, the
      // tenant's AppProject; on Flux the tenant's environment Kustomization.
      expect(outputs.files).toHaveLength(input.delivery ? 9 : 8);
      expect(outputs.files).toContain(
        input.cluster === 'nonprod-eu-2'
          ? 'bootstrap/flux/nonprod-eu-2/tenants/payments-qa.yaml'
          : 'tenants/payments/appproject.yaml',
      );
    },
  );
});
