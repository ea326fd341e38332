import { join } from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { parse } from 'yaml';
import { git, runAction } from './__testUtils__/runAction';
import { setUpAction } from './__testUtils__/setUpNamespaceCreateAction';
import { examples } from './namespaceUpdate.examples';

describe('tenancy:namespace:update', () => {
  const dir = createMockDirectory();
  beforeEach(() => dir.clear());

  const run = (
    setup: Awaited<ReturnType<typeof setUpAction>>,
    input: JsonObject,
    isDryRun = false,
  ) =>
    runAction(setup.updateAction, input, {
      workspacePath: join(dir.path, 'ws'),
      isDryRun,
    });

  it('re-renders the bundle with the new quota and opens one request, updated on re-runs', async () => {
    const setup = await setUpAction({ root: dir.path });
    const outputs = await run(setup, {
      namespace: 'payments-dev',
      size: 'S',
      reason: 'More room',
    });

    expect(outputs).toMatchObject({
      branch: 'tenancy/payments/payments-dev-update',
      pullRequestNumber: 1,
    });
    expect(outputs.files).toContain(
      'tenants/payments/dev/payments-dev/resourcequota.yaml',
    );
    const quota = parse(
      git(
        setup.repo,
        'show',
        'tenancy/payments/payments-dev-update:tenants/payments/dev/payments-dev/resourcequota.yaml',
      ),
    );
    expect(quota.spec.hard.pods).toBe('20');
    const body = git(
      setup.repo,
      'log',
      '-1',
      '--format=%b',
      'tenancy/payments/payments-dev-update',
    );
    expect(body).toContain('asks to change namespace `payments-dev`');
    expect(body).toContain('Reason for the change: More room');

    // Another change before the review updates the same request.
    const again = await run(setup, {
      namespace: 'payments-dev',
      size: 'S',
      quota: { pods: '40' },
    });
    expect(again.pullRequestNumber).toBe(1);
    const updated = parse(
      git(
        setup.repo,
        'show',
        'tenancy/payments/payments-dev-update:tenants/payments/dev/payments-dev/resourcequota.yaml',
      ),
    );
    expect(updated.spec.hard.pods).toBe('40');
    expect(await setup.publisher.listRequests()).toHaveLength(1);
  });

  it('changes only the quota it is asked to: the LimitRange and the labels stay as merged', async () => {
    const setup = await setUpAction({ root: dir.path, bundle: true });
    const folder = 'tenants/payments/dev/payments-dev';
    const before = (file: string) =>
      git(setup.repo, 'show', `main:${folder}/${file}`);
    const outputs = await run(setup, {
      namespace: 'payments-dev',
      quota: { pods: '40' },
    });
    expect(outputs.files).toEqual([`${folder}/resourcequota.yaml`]);
    const branch = outputs.branch;
    const after = (file: string) =>
      git(setup.repo, 'show', `${branch}:${folder}/${file}`);
    expect(parse(after('resourcequota.yaml')).spec.hard).toMatchObject({
      pods: '40',
      'requests.cpu': '1',
    });
    expect(after('limitrange.yaml')).toBe(before('limitrange.yaml'));
    expect(parse(after('limitrange.yaml')).spec.limits[0]).toMatchObject({
      defaultRequest: { cpu: '100m', memory: '128Mi' },
      default: { cpu: '500m', memory: '512Mi' },
      max: { cpu: '1500m' },
    });
    expect(parse(after('namespace.yaml')).metadata.labels.team).toBe(
      'payments',
    );
  });

  it('still enforces the policy', async () => {
    const setup = await setUpAction({ root: dir.path });
    await expect(
      run(setup, {
        namespace: 'payments-dev',
        size: 'S',
        quota: { 'limits.cpu': '99' },
      }),
    ).rejects.toThrow(
      /quota.limits.cpu \(ceiling\): quota.limits.cpu "99" exceeds the dev ceiling of 16/,
    );
    expect(await setup.publisher.listRequests()).toEqual([]);
  });

  it('says when there is nothing to change', async () => {
    const setup = await setUpAction({ root: dir.path });
    await expect(run(setup, { namespace: 'payments-dev' })).rejects.toThrow(
      'nothing to change: give a size, quota, limits or labels',
    );
  });

  it('refuses a vCluster, whose quota is in its Application values, and writes nothing', async () => {
    const setup = await setUpAction({ root: dir.path });
    await expect(
      run(setup, { namespace: 'payments-vc-box-dev', size: 'S' }),
    ).rejects.toThrow(
      /payments-vc-box-dev is a vcluster, not a tenant namespace/,
    );
    expect(await setup.publisher.listRequests()).toEqual([]);
  });

  it('refuses outsiders', async () => {
    const setup = await setUpAction({ root: dir.path, member: false });
    await expect(
      run(setup, { namespace: 'payments-dev', size: 'S' }),
    ).rejects.toThrow(/is not a member of group:default\/team-payments/);
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
