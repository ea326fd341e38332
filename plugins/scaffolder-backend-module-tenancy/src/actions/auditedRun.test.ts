import { join } from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { runAction } from './__testUtils__/runAction';
import { setUpAction } from './__testUtils__/setUpNamespaceCreateAction';

const create: JsonObject = {
  tenant: 'payments',
  environment: 'prod',
  cluster: 'resource:default/prod-eu-1',
  name: 'api',
  size: 'S',
  purpose: 'The payments API',
};

describe('audit events of the provisioning actions', () => {
  const dir = createMockDirectory();
  beforeEach(() => dir.clear());
  const workspace = () => ({ workspacePath: join(dir.path, 'ws') });

  it('records who asked for which tenant, entity and request, and that it was opened', async () => {
    const setup = await setUpAction({ root: dir.path });
    const outputs = await runAction(setup.action, create, workspace());

    expect(setup.auditEvents.map(e => [e.eventId, e.status])).toEqual([
      ['provisioning-request', 'initiated'],
      ['provisioning-request', 'succeeded'],
    ]);
    const done = setup.auditEvents[1];
    expect(done).toMatchObject({
      plugin: 'scaffolder',
      severityLevel: 'medium',
      meta: {
        actionType: 'namespace-create',
        requestedBy: 'user:default/alex',
        tenant: 'tenant:default/payments',
        entityRefs: ['resource:default/payments-api-prod'],
        branch: 'tenancy/payments/payments-api-prod',
        requestNumber: outputs.pullRequestNumber,
        requestUrl: outputs.pullRequestUrl,
        created: true,
      },
    });
    // The pull request records the requester too, for the tenant page.
    const [opened] = await setup.publisher.listRequests();
    expect(opened.requestedBy).toBe('user:default/alex');
  });

  it('records a refusal with its reason, and nothing is published', async () => {
    const setup = await setUpAction({ root: dir.path, member: false });
    await expect(
      runAction(
        setup.updateAction,
        { namespace: 'payments-dev', size: 'S' },
        workspace(),
      ),
    ).rejects.toThrow(/not a member/);

    const failed = setup.auditEvents.find(e => e.status === 'failed');
    expect(failed).toMatchObject({
      eventId: 'provisioning-request',
      meta: {
        actionType: 'namespace-update',
        tenant: 'tenant:default/payments',
        entityRefs: ['resource:default/payments-dev'],
      },
    });
    expect(failed?.status === 'failed' && failed.error.message).toMatch(
      /not a member of group:default\/team-payments/,
    );
    expect(failed?.meta).not.toHaveProperty('requestNumber');
    expect(await setup.publisher.listRequests()).toEqual([]);
  });

  it('records a decommissioning with the namespace it removes', async () => {
    const setup = await setUpAction({ root: dir.path });
    await runAction(
      setup.deleteAction,
      { namespace: 'payments-dev' },
      workspace(),
    );

    expect(setup.auditEvents.at(-1)).toMatchObject({
      status: 'succeeded',
      meta: {
        actionType: 'namespace-delete',
        entityRefs: ['resource:default/payments-dev'],
        branch: 'tenancy/payments/payments-dev-delete',
      },
    });
  });

  it('records nothing for a dry run (the wizard review step)', async () => {
    const setup = await setUpAction({ root: dir.path });
    await runAction(setup.action, create, { ...workspace(), isDryRun: true });
    expect(setup.auditEvents).toEqual([]);
  });

  it('carries no file content or free text of the request', async () => {
    const setup = await setUpAction({ root: dir.path });
    await runAction(
      setup.action,
      { ...create, purpose: 'secret-looking purpose text' },
      workspace(),
    );
    const logged = JSON.stringify(setup.auditEvents);
    expect(logged).not.toContain('secret-looking purpose text');
    expect(logged).not.toContain('ResourceQuota');
  });
});
