import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
    ).toBe('tenants/payments/appproject.yaml\ntenants/payments/tenant.yaml');
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

  it("decommissions a vCluster: its folder and its Argo CD cluster in the tenant's AppProject go, nothing else", async () => {
    const setup = await setUpAction({ root: dir.path });
    const created = await runAction(
      setup.vclusterAction,
      {
        tenant: 'data-platform',
        environment: 'dev',
        cluster: 'nonprod-eu-1',
        name: 'sandbox',
        size: 'M',
      },
      { workspacePath: join(dir.path, 'vc') },
    );
    await setup.publisher.merge(created.pullRequestNumber as number);
    const name = 'data-platform-vc-sandbox-dev';
    const folder = `tenants/data-platform/dev/${name}`;

    const outputs = await run(setup, { namespace: name, reason: 'Done' });
    const branch = `tenancy/data-platform/${name}-delete`;
    expect(outputs).toMatchObject({ branch, pullRequestNumber: 2 });
    expect([...(outputs.files as string[])].sort()).toEqual([
      `${folder}/argocd/vcluster-application.yaml`,
      `${folder}/catalog-info.yaml`,
      `${folder}/kubeconfig-reader.yaml`,
      `${folder}/kustomization.yaml`,
      `${folder}/namespace.yaml`,
    ]);
    // Exactly the folder deleted and the tenant's AppProject changed.
    expect(git(setup.repo, 'diff', '--name-status', 'main', branch)).toBe(
      [
        'M\ttenants/data-platform/appproject.yaml',
        `D\t${folder}/argocd/vcluster-application.yaml`,
        `D\t${folder}/catalog-info.yaml`,
        `D\t${folder}/kubeconfig-reader.yaml`,
        `D\t${folder}/kustomization.yaml`,
        `D\t${folder}/namespace.yaml`,
      ].join('\n'),
    );
    const destinations = (rev: string) =>
      parse(
        git(setup.repo, 'show', `${rev}:tenants/data-platform/appproject.yaml`),
      ).spec.destinations;
    expect(destinations('main')).toEqual([
      { name: `vcluster-${name}`, namespace: '*' },
    ]);
    expect(destinations(branch)).toEqual([]);
    const body = git(setup.repo, 'log', '-1', '--format=%b', branch);
    expect(body).toContain(
      `asks to decommission vCluster \`${name}\` of tenant **data-platform** (dev)`,
    );
    expect(body).toContain(
      `- \`tenants/data-platform/appproject.yaml\`: the destination vcluster-${name}/* is removed from the tenant's AppProject`,
    );
  });

  it('is offered namespaces and vClusters by the decommission template', () => {
    const template = parse(
      readFileSync(
        resolve(
          __dirname,
          '../../../../templates/decommission-namespace/template.yaml',
        ),
        'utf8',
      ),
    );
    const { namespace } = template.spec.parameters[0].properties;
    expect(namespace['ui:options'].catalogFilter).toEqual({
      kind: 'Resource',
      'spec.type': ['kubernetes-namespace', 'vcluster'],
    });
    expect(template.spec.steps[0].action).toBe('tenancy:namespace:delete');
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
