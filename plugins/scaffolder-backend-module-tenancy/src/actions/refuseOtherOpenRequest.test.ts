import { join } from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { git, runAction } from './__testUtils__/runAction';
import { setUpAction } from './__testUtils__/setUpNamespaceCreateAction';

describe('one open request per namespace', () => {
  const dir = createMockDirectory();
  beforeEach(() => dir.clear());

  const workspace = () => ({ workspacePath: join(dir.path, 'ws') });

  it('refuses a decommissioning while a change is open, linking the open request; nothing is written', async () => {
    const setup = await setUpAction({ root: dir.path });
    await runAction(
      setup.updateAction,
      { namespace: 'payments-dev', size: 'S' },
      workspace(),
    );
    const [open] = await setup.publisher.listRequests();

    await expect(
      runAction(setup.deleteAction, { namespace: 'payments-dev' }, workspace()),
    ).rejects.toThrow(
      `namespace payments-dev has an open change request, #${open.number} (${open.url}): merge or close it before asking for its decommissioning; nothing was written`,
    );
    expect((await setup.publisher.listRequests()).map(r => r.branch)).toEqual([
      'tenancy/payments/payments-dev-update',
    ]);
  });

  it('refuses a change while a decommissioning is open', async () => {
    const setup = await setUpAction({ root: dir.path });
    await runAction(
      setup.deleteAction,
      { namespace: 'payments-dev' },
      workspace(),
    );

    await expect(
      runAction(
        setup.updateAction,
        { namespace: 'payments-dev', size: 'M' },
        workspace(),
      ),
    ).rejects.toThrow(
      /namespace payments-dev has an open decommissioning request, #1 .*before asking for its change/,
    );
    expect(await setup.publisher.listRequests()).toHaveLength(1);
  });

  it('folds a second change into the open one: one request, with the newest settings', async () => {
    const setup = await setUpAction({ root: dir.path });
    const quotaOnBranch = () =>
      git(
        setup.repo,
        'show',
        'tenancy/payments/payments-dev-update:tenants/payments/dev/payments-dev/resourcequota.yaml',
      );
    const first = await runAction(
      setup.updateAction,
      { namespace: 'payments-dev', size: 'S' },
      workspace(),
    );
    const quotaS = quotaOnBranch();
    const second = await runAction(
      setup.updateAction,
      { namespace: 'payments-dev', size: 'M' },
      workspace(),
    );

    expect(second.pullRequestNumber).toBe(first.pullRequestNumber);
    const requests = await setup.publisher.listRequests();
    expect(requests).toHaveLength(1);
    expect(quotaOnBranch()).not.toEqual(quotaS);
  });

  it('lets a decommissioning through once the change is merged', async () => {
    const setup = await setUpAction({ root: dir.path });
    const change = await runAction(
      setup.updateAction,
      { namespace: 'payments-dev', size: 'S' },
      workspace(),
    );
    await setup.publisher.merge(change.pullRequestNumber as number);

    const outputs = await runAction(
      setup.deleteAction,
      { namespace: 'payments-dev' },
      workspace(),
    );
    expect(outputs.branch).toBe('tenancy/payments/payments-dev-delete');
  });
});
