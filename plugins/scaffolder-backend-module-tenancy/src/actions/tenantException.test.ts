import { join } from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { parse } from 'yaml';
import { git, runAction } from './__testUtils__/runAction';
import { setUpAction } from './__testUtils__/setUpNamespaceCreateAction';
import { examples } from './tenantException.examples';

describe('tenancy:tenant:exception', () => {
  const dir = createMockDirectory();
  beforeEach(() => dir.clear());

  const run = (
    setup: Awaited<ReturnType<typeof setUpAction>>,
    input: JsonObject,
    isDryRun = false,
  ) =>
    runAction(setup.exceptionAction, input, {
      workspacePath: join(dir.path, 'ws'),
      isDryRun,
    });
  const file = 'tenants/payments/tenant.yaml';
  const guardrails = 'tenants/payments/guardrails.yaml';
  const branch = 'tenancy/payments/exception';
  const reason = 'The card vault images are built in our GitHub organisation';

  /** Nothing was written: no request, no branch besides the base. */
  async function expectNothingWritten(
    setup: Awaited<ReturnType<typeof setUpAction>>,
  ) {
    expect(await setup.publisher.listRequests()).toEqual([]);
    expect(git(setup.repo, 'branch', '--list', 'tenancy/*')).toBe('');
  }

  it("adds a registry to the tenant's tenant.yaml, keeps every other field, and says why in the pull request", async () => {
    const setup = await setUpAction({
      root: dir.path,
      allowedRegistries: ['ghcr.io/acme-payments/'],
      platformRegistries: ['registry.acme.internal/'],
    });
    const before = parse(git(setup.repo, 'show', `main:${file}`));
    const outputs = await run(setup, {
      tenant: 'tenant:default/payments',
      addRegistries: ['quay.io/acme-vault/'],
      reason,
    });

    expect(outputs).toMatchObject({
      files: [file, guardrails],
      branch,
      pullRequestNumber: 1,
      allowedRegistries: ['ghcr.io/acme-payments/', 'quay.io/acme-vault/'],
    });
    const after = parse(git(setup.repo, 'show', `${branch}:${file}`));
    expect(after).toEqual({
      ...before,
      spec: {
        ...before.spec,
        allowedRegistries: ['ghcr.io/acme-payments/', 'quay.io/acme-vault/'],
      },
    });
    // The tenant's own policy, rendered again for the new list.
    const policy = git(setup.repo, 'show', `${branch}:${guardrails}`);
    for (const registry of [
      'registry.acme.internal/',
      'ghcr.io/acme-payments/',
      'quay.io/acme-vault/',
    ]) {
      expect(policy).toContain(registry);
    }
    const body = git(setup.repo, 'log', '-1', '--format=%b', branch);
    expect(body).toMatch(
      /schema: ValidatingPolicy \S+ valid against policies\.kyverno\.io\.v1\.ValidatingPolicy \(Kyverno 1\.19\.0 CRD\)/,
    );
    expect(body).toContain(
      'asks for a guardrail exception for tenant **payments**',
    );
    expect(body).toContain(`> ${reason}`);
    expect(body).toContain('| `quay.io/acme-vault/` | **added** |');
    expect(body).toContain("| `ghcr.io/acme-payments/` | the tenant's, kept |");
    expect(body).toContain(
      '| `registry.acme.internal/` | platform default (`tenancy.policy.guardrails.allowedRegistries`) |',
    );
    expect(body).toContain('schema: Tenant payments valid against');
    expect(
      setup.auditEvents.map(e => [e.eventId, e.status, e.meta?.actionType]),
    ).toEqual([
      ['provisioning-request', 'initiated', 'tenant-exception'],
      ['provisioning-request', 'succeeded', 'tenant-exception'],
    ]);
  });

  it('renders the Gatekeeper constraint of the tenant with engine gatekeeper, checked before the request opens', async () => {
    const setup = await setUpAction({
      root: dir.path,
      platformRegistries: ['registry.acme.internal/'],
      engine: 'gatekeeper',
    });
    const outputs = await run(setup, {
      tenant: 'payments',
      addRegistries: ['quay.io/acme-vault/'],
      reason,
    });
    expect(outputs.files).toEqual([file, guardrails]);
    const constraints = git(setup.repo, 'show', `${branch}:${guardrails}`);
    expect(constraints).toContain(
      'apiVersion: constraints.gatekeeper.sh/v1beta1',
    );
    expect(constraints).toContain('quay.io/acme-vault/');
    expect(git(setup.repo, 'log', '-1', '--format=%b', branch)).toContain(
      'valid against the hand-written Gatekeeper constraint check',
    );
  });

  it("removes one of the tenant's registries, and the field with the last one", async () => {
    const setup = await setUpAction({
      root: dir.path,
      allowedRegistries: ['ghcr.io/acme-payments/'],
      platformRegistries: ['registry.acme.internal/'],
    });
    const outputs = await run(setup, {
      tenant: 'payments',
      removeRegistries: ['ghcr.io/acme-payments/'],
      reason: 'We moved everything to the internal registry',
    });
    expect(outputs.allowedRegistries).toEqual([]);
    const after = parse(git(setup.repo, 'show', `${branch}:${file}`));
    expect(after.spec).not.toHaveProperty('allowedRegistries');
    expect(after.spec.owner).toBe('group:default/team-payments');
    expect(git(setup.repo, 'log', '-1', '--format=%b', branch)).toContain(
      '| `ghcr.io/acme-payments/` | **removed** |',
    );
  });

  it.each([
    ['https://ghcr.io/acme/', 'addRegistries[0] (no-scheme)'],
    ['ghcr.io/acme/app:1.2', 'addRegistries[0] (no-tag)'],
    ['ghcr.io/acme/app@sha256:abc', 'addRegistries[0] (no-tag)'],
    ['ghcr.io/acme/*', 'addRegistries[0] (no-wildcard)'],
    ['ghcr.io/acme', 'addRegistries[0] (trailing-slash)'],
    ['GHCR.io/acme/', 'addRegistries[0] (lowercase)'],
    ['ghcr.io//', 'addRegistries[0] (registry-prefix)'],
    ['registry.acme.internal/team/', 'addRegistries[0] (already-allowed)'],
  ])(
    'refuses the registry %s naming %s, and writes nothing',
    async (registry, named) => {
      const setup = await setUpAction({
        root: dir.path,
        platformRegistries: ['registry.acme.internal/'],
      });
      await expect(
        run(setup, { tenant: 'payments', addRegistries: [registry], reason }),
      ).rejects.toThrow(named);
      await expectNothingWritten(setup);
    },
  );

  it('refuses a missing or too short justification, and a registry it does not have', async () => {
    const setup = await setUpAction({
      root: dir.path,
      platformRegistries: ['registry.acme.internal/'],
    });
    await expect(
      run(setup, {
        tenant: 'payments',
        addRegistries: ['ghcr.io/acme-payments/'],
        reason: ' pls ',
      }),
    ).rejects.toThrow(
      'reason (justification): reason must say why, in at least 10 characters',
    );
    await expect(
      run(setup, {
        tenant: 'payments',
        removeRegistries: ['registry.acme.internal/'],
        reason,
      }),
    ).rejects.toThrow(
      /removeRegistries\[0\] \(not-listed\): .*it is a platform default/,
    );
    await expect(run(setup, { tenant: 'payments', reason })).rejects.toThrow(
      'addRegistries (something-to-change)',
    );
    await expectNothingWritten(setup);
  });

  it('refuses to remove the last registry when the platform sets no default', async () => {
    const setup = await setUpAction({
      root: dir.path,
      allowedRegistries: ['ghcr.io/acme-payments/'],
    });
    await expect(
      run(setup, {
        tenant: 'payments',
        removeRegistries: ['ghcr.io/acme-payments/'],
        reason,
      }),
    ).rejects.toThrow('removeRegistries (last-registry)');
    await expectNothingWritten(setup);
  });

  it("refuses who is neither in the tenant's owning group nor a platform admin, and writes nothing", async () => {
    const setup = await setUpAction({ root: dir.path, member: false });
    await expect(
      run(setup, {
        tenant: 'payments',
        addRegistries: ['ghcr.io/acme-payments/'],
        reason,
      }),
    ).rejects.toThrow(
      'user:default/alex may not request for tenant payments: user:default/alex is not a member of group:default/team-payments',
    );
    await expectNothingWritten(setup);
    expect(setup.auditEvents.map(e => e.status)).toEqual([
      'initiated',
      'failed',
    ]);
  });

  it('lets a platform admin ask for another team, and lists the file in a dry run without writing', async () => {
    const setup = await setUpAction({
      root: dir.path,
      member: false,
      admin: true,
    });
    const outputs = await run(
      setup,
      { tenant: 'payments', addRegistries: ['ghcr.io/acme-payments/'], reason },
      true,
    );
    expect(outputs.files).toEqual([file]);
    await expectNothingWritten(setup);
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
