import { join } from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { parse } from 'yaml';
import { git, runAction } from './__testUtils__/runAction';
import { setUpAction } from './__testUtils__/setUpNamespaceCreateAction';
import { examples } from './namespaceDelete.examples';

describe('tenancy:namespace:delete', () => {
  const dir = createMockDirectory();
  beforeEach(() => dir.clear());

  const run = (
    setup: Awaited<ReturnType<typeof setUpAction>>,
    input: JsonObject,
    isDryRun = false,
  ) =>
    runAction(setup.deleteAction, input, {
      workspacePath: join(dir.path, 'ws'),
      isDryRun,
    });

  it('opens a request that removes the folder, saying what will be deleted', async () => {
    const setup = await setUpAction({ root: dir.path });
    const outputs = await run(setup, {
      namespace: 'payments-dev',
      reason: 'Moved to payments-api-dev',
    });

    expect(outputs).toMatchObject({
      files: ['tenants/payments/dev/payments-dev/namespace.yaml'],
      branch: 'tenancy/payments/payments-dev-delete',
      pullRequestNumber: 1,
    });
    expect(
      git(
        setup.repo,
        'ls-tree',
        '-r',
        '--name-only',
        'tenancy/payments/payments-dev-delete',
      ),
    ).toBe('tenants/payments/appproject.yaml');
    const project = parse(
      git(
        setup.repo,
        'show',
        'tenancy/payments/payments-dev-delete:tenants/payments/appproject.yaml',
      ),
    );
    expect(project.spec.destinations).toEqual([]);
    const body = git(
      setup.repo,
      'log',
      '-1',
      '--format=%b',
      'tenancy/payments/payments-dev-delete',
    );
    expect(body).toContain(
      'asks to decommission namespace `payments-dev` of tenant **payments** (dev)',
    );
    expect(body).toContain(
      '- `tenants/payments/dev/payments-dev/namespace.yaml`: Namespace payments-dev',
    );
    expect(body).toContain('> Moved to payments\\-api\\-dev');
    // The one file written is validated like any other.
    expect(body).toContain(
      '- [x] schema: AppProject payments valid against argoproj.io.v1alpha1.AppProject (Argo CD 3.5.1 CRD)',
    );
    // Main still has the namespace until the request is merged.
    await expect(
      setup.publisher.exists('tenants/payments/dev/payments-dev'),
    ).resolves.toBe(true);
  });

  it('lists the files in a dry run without opening a request', async () => {
    const setup = await setUpAction({ root: dir.path });
    const outputs = await run(
      setup,
      { namespace: 'resource:default/payments-dev' },
      true,
    );
    expect(outputs.files).toEqual([
      'tenants/payments/dev/payments-dev/namespace.yaml',
    ]);
    expect(await setup.publisher.listRequests()).toEqual([]);
  });

  it('refuses outsiders and unknown namespaces', async () => {
    const outsider = await setUpAction({ root: dir.path, member: false });
    await expect(run(outsider, { namespace: 'payments-dev' })).rejects.toThrow(
      /is not a member of group:default\/team-payments/,
    );
    await expect(run(outsider, { namespace: 'nope' })).rejects.toThrow(
      'resource:default/nope is not a tenant namespace in the catalog',
    );
    expect(await outsider.publisher.listRequests()).toEqual([]);
  });

  it.each(examples.map(e => [e.description, e.example]))(
    'example: %s',
    async (_d, example) => {
      const setup = await setUpAction({ root: dir.path });
      const outputs = await run(setup, parse(example).steps[0].input);
      expect(outputs.pullRequestNumber).toBe(1);
    },
  );
});
