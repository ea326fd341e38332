import { join } from 'node:path';
import {
  createMockDirectory,
  mockCredentials,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { parse } from 'yaml';
import { git, runAction } from './__testUtils__/runAction';
import { setUpAction } from './__testUtils__/setUpNamespaceCreateAction';
import { examples } from './namespaceAdopt.examples';

/** An orphan as the tenancy API answers it (openapi.yaml, ObservedNamespace). */
const orphan = () => ({
  cluster: 'nonprod-eu-1',
  namespace: 'payments-legacy-dev',
  phase: 'Active',
  labels: {
    'kubernetes.io/metadata.name': 'payments-legacy-dev',
    'tenancy.io/tenant': 'payments',
    'tenancy.io/environment': 'dev',
    'tenancy.io/cost-center': 'CC-2002',
    team: 'payments',
  },
  quotas: [
    {
      name: 'compute',
      hard: {
        'requests.cpu': '2',
        'limits.cpu': '4',
        'requests.memory': '4Gi',
        'limits.memory': '8Gi',
        pods: '30',
      },
    },
  ],
  limitRanges: [
    {
      name: 'defaults',
      limits: [
        {
          type: 'Container',
          defaultRequest: { cpu: '100m', memory: '128Mi' },
          default: { cpu: '500m', memory: '512Mi' },
          max: { cpu: '2', memory: '2Gi' },
        },
      ],
    },
  ],
  orphan: true,
  observedAt: '2026-12-02T17:00:00.000Z',
});

describe('tenancy:namespace:adopt', () => {
  const dir = createMockDirectory();
  const server = setupServer();
  registerMswTestHooks(server);
  /** The backend's answers by `<cluster>/<namespace>`; the tokens it was called with. */
  let observed: Record<string, object>;
  let tokens: string[];
  beforeEach(() => {
    dir.clear();
    observed = { 'nonprod-eu-1/payments-legacy-dev': orphan() };
    tokens = [];
    server.use(
      http.get(
        'http://localhost:0/api/tenancy/v1/clusters/:cluster/namespaces/:namespace/observed',
        ({ request, params }) => {
          tokens.push(request.headers.get('authorization') ?? '');
          const found = observed[`${params.cluster}/${params.namespace}`];
          return found
            ? HttpResponse.json(found)
            : HttpResponse.json(
                { error: { name: 'NotFoundError', message: 'not found' } },
                { status: 404 },
              );
        },
      ),
    );
  });

  const run = (
    setup: Awaited<ReturnType<typeof setUpAction>>,
    input: JsonObject,
    isDryRun = false,
  ) =>
    runAction(setup.adoptAction, input, {
      workspacePath: join(dir.path, 'ws'),
      isDryRun,
    });
  const adopt = { cluster: 'nonprod-eu-1', namespace: 'payments-legacy-dev' };
  const folder = 'tenants/payments/dev/payments-legacy-dev';
  const branch = 'tenancy/payments/payments-legacy-dev';

  async function expectNothingWritten(
    setup: Awaited<ReturnType<typeof setUpAction>>,
  ) {
    expect(await setup.publisher.listRequests()).toEqual([]);
    expect(git(setup.repo, 'branch', '--list', 'tenancy/*')).toBe('');
  }

  it("renders the orphan's folder from what the cluster has and says what the merge does", async () => {
    const setup = await setUpAction({ root: dir.path });
    const outputs = await run(setup, {
      ...adopt,
      action: 'adopt',
      reason: 'Created by hand during the migration',
    });

    // Asked as the requester, not as the scaffolder.
    expect(tokens).toEqual([
      `Bearer ${mockCredentials.service.token({
        onBehalfOf: mockCredentials.user(),
        targetPluginId: 'tenancy',
      })}`,
    ]);
    expect(outputs).toMatchObject({
      branch,
      pullRequestNumber: 1,
      entityRef: 'resource:default/payments-legacy-dev',
    });
    expect(outputs.files).toEqual(
      expect.arrayContaining([
        `${folder}/catalog-info.yaml`,
        `${folder}/namespace.yaml`,
        `${folder}/resourcequota.yaml`,
        `${folder}/limitrange.yaml`,
        `${folder}/rolebindings.yaml`,
        `${folder}/kustomization.yaml`,
        'tenants/payments/appproject.yaml',
      ]),
    );
    const show = (file: string) =>
      parse(git(setup.repo, 'show', `${branch}:${file}`));
    expect(show(`${folder}/resourcequota.yaml`).spec.hard).toMatchObject(
      orphan().quotas[0].hard,
    );
    expect(show(`${folder}/limitrange.yaml`).spec.limits).toEqual([
      orphan().limitRanges[0].limits[0],
    ]);
    const labels = show(`${folder}/namespace.yaml`).metadata.labels;
    expect(labels).toMatchObject({
      team: 'payments',
      'tenancy.io/tenant': 'payments',
      'tenancy.io/environment': 'dev',
      // The tenant's cost center, named as a difference in the body.
      'tenancy.io/cost-center': 'CC-1001',
    });
    expect(
      show('tenants/payments/appproject.yaml').spec.destinations,
    ).toContainEqual({
      name: 'nonprod-eu-1',
      namespace: 'payments-legacy-dev',
    });

    const body = git(setup.repo, 'log', '-1', '--format=%b', branch);
    expect(body).toContain(
      'asks to adopt the existing namespace `payments-legacy-dev` on cluster `nonprod-eu-1` for tenant **payments**',
    );
    expect(body).toContain('- ResourceQuota `compute`: `requests.cpu` `2`');
    expect(body).toContain(
      '- label `tenancy.io/cost-center`: `CC-2002` in the cluster, `CC-1001` in Git',
    );
    expect(body).toContain('ResourceQuota `compute`');
    expect(body).toContain('automated sync with prune and selfHeal');
    expect(body).toContain('the namespace is an orphan');
    expect(setup.auditEvents.map(e => [e.status, e.meta?.actionType])).toEqual([
      ['initiated', 'namespace-adopt'],
      ['succeeded', 'namespace-adopt'],
    ]);
  });

  it('refuses a namespace the GitOps repository describes, and writes nothing', async () => {
    const setup = await setUpAction({ root: dir.path });
    observed[`${adopt.cluster}/${adopt.namespace}`] = {
      ...orphan(),
      orphan: false,
    };
    await expect(run(setup, { ...adopt, action: 'adopt' })).rejects.toThrow(
      'namespace payments-legacy-dev on cluster nonprod-eu-1 is not an orphan',
    );
    await expectNothingWritten(setup);
  });

  it('refuses live values that break a rule of tenancy:namespace:create, naming it, and writes nothing', async () => {
    const setup = await setUpAction({ root: dir.path });
    const over = orphan();
    over.quotas[0].hard['limits.cpu'] = '99';
    observed[`${adopt.cluster}/${adopt.namespace}`] = over;
    await expect(run(setup, { ...adopt, action: 'adopt' })).rejects.toThrow(
      /quota.limits.cpu \(ceiling\): quota.limits.cpu "99" exceeds the dev ceiling of 16/,
    );
    const unnamed = { ...orphan(), namespace: 'legacy-payments' };
    observed[`${adopt.cluster}/legacy-payments`] = unnamed;
    await expect(
      run(setup, { ...adopt, namespace: 'legacy-payments', action: 'adopt' }),
    ).rejects.toThrow(
      'namespace (tenant-naming): namespace legacy-payments is not named <tenant>-<name>-<environment> (payments-…-dev)',
    );
    await expectNothingWritten(setup);
  });

  it('renders what several ResourceQuotas enforce together, and refuses a namespace without one', async () => {
    const setup = await setUpAction({ root: dir.path });
    const two = orphan();
    two.quotas.push({
      name: 'tenant-quota',
      hard: {
        'requests.cpu': '1',
        'limits.cpu': '8',
        'requests.memory': '4Gi',
        'limits.memory': '8Gi',
        pods: '30',
      },
    });
    observed[`${adopt.cluster}/${adopt.namespace}`] = two;
    const outputs = await run(setup, { ...adopt, action: 'adopt' });
    const hard = parse(
      git(setup.repo, 'show', `${outputs.branch}:${folder}/resourcequota.yaml`),
    ).spec.hard;
    expect(hard).toMatchObject({ 'requests.cpu': '1', 'limits.cpu': '4' });
    const body = git(setup.repo, 'log', '-1', '--format=%b', outputs.branch);
    expect(body).toContain(
      '- ResourceQuota `compute`, LimitRange `defaults`: not in Git; the rendered `tenant-quota` and `tenant-limits` apply beside them',
    );

    observed['nonprod-eu-1/payments-bare-dev'] = {
      ...orphan(),
      namespace: 'payments-bare-dev',
      quotas: [],
    };
    await expect(
      run(setup, { ...adopt, namespace: 'payments-bare-dev', action: 'adopt' }),
    ).rejects.toThrow(
      'quota (observed-quota): namespace payments-bare-dev has no ResourceQuota on cluster nonprod-eu-1',
    );
  });

  it("refuses who is not in the tenant's owning group, and writes nothing", async () => {
    const setup = await setUpAction({ root: dir.path, member: false });
    await expect(run(setup, { ...adopt, action: 'adopt' })).rejects.toThrow(
      /user:default\/alex may not request for tenant payments/,
    );
    await expectNothingWritten(setup);
  });

  it('says when the backend has not seen the namespace', async () => {
    const setup = await setUpAction({ root: dir.path });
    await expect(
      run(setup, { ...adopt, namespace: 'payments-gone-dev', action: 'adopt' }),
    ).rejects.toThrow(
      'the tenancy backend has not seen namespace payments-gone-dev on cluster nonprod-eu-1',
    );
    await expectNothingWritten(setup);
  });

  it('flags an orphan for removal with a record under the cluster, and deletes nothing', async () => {
    const setup = await setUpAction({ root: dir.path });
    const reason = 'Left over from the load test; nothing runs there';
    const outputs = await run(setup, {
      cluster: 'resource:default/nonprod-eu-1',
      namespace: 'payments-legacy-dev',
      action: 'remove',
      reason,
    });
    const record = 'clusters/nonprod-eu-1/orphans/payments-legacy-dev.yaml';
    const removal = 'tenancy/payments/payments-legacy-dev-delete';
    expect(outputs).toMatchObject({
      files: [record],
      branch: removal,
      pullRequestNumber: 1,
    });
    expect(git(setup.repo, 'diff', '--name-only', 'main', removal)).toBe(
      record,
    );
    expect(parse(git(setup.repo, 'show', `${removal}:${record}`))).toEqual({
      apiVersion: 'tenancy.io/v1alpha1',
      kind: 'OrphanNamespace',
      metadata: { name: 'payments-legacy-dev' },
      spec: {
        cluster: 'nonprod-eu-1',
        disposition: 'remove',
        tenant: 'payments',
        labels: orphan().labels,
        phase: 'Active',
        observedAt: '2026-12-02T17:00:00.000Z',
        requestedBy: 'user:default/alex',
        reason,
      },
    });
    const body = git(setup.repo, 'log', '-1', '--format=%b', removal);
    expect(body).toContain(
      'flags the orphan namespace `payments-legacy-dev` on cluster `nonprod-eu-1`',
    );
    expect(body).toContain('Nothing is deleted automatically');
    expect(body).toContain('schema: OrphanNamespace payments-legacy-dev valid');
    expect(setup.auditEvents.map(e => e.meta?.actionType)).toEqual([
      'orphan-removal',
      'orphan-removal',
    ]);

    // An adoption of it is refused while the removal is open.
    await expect(run(setup, { ...adopt, action: 'adopt' })).rejects.toThrow(
      /namespace payments-legacy-dev has an open decommissioning request, #1/,
    );
  });

  it('withdraws a merged removal flag when the orphan is adopted after all', async () => {
    const setup = await setUpAction({ root: dir.path });
    const removal = await run(setup, {
      ...adopt,
      action: 'remove',
      reason: 'Left over from the load test; nothing runs there',
    });
    const record = 'clusters/nonprod-eu-1/orphans/payments-legacy-dev.yaml';
    await setup.publisher.merge(removal.pullRequestNumber);
    expect(await setup.publisher.exists(record)).toBe(true);

    const outputs = await run(setup, { ...adopt, action: 'adopt' });
    expect(
      git(setup.repo, 'diff', '--name-status', 'main', outputs.branch),
    ).toContain(`D\t${record}`);
    expect(
      git(setup.repo, 'log', '-1', '--format=%b', outputs.branch),
    ).toContain('the namespace was flagged for removal');
  });

  it('refuses a removal without a justification, and writes nothing', async () => {
    const setup = await setUpAction({ root: dir.path });
    await expect(
      run(setup, { ...adopt, action: 'remove', reason: 'old' }),
    ).rejects.toThrow('reason (justification)');
    await expectNothingWritten(setup);
  });

  it('lists the files in a dry run without writing', async () => {
    const setup = await setUpAction({ root: dir.path });
    const outputs = await run(setup, { ...adopt, action: 'adopt' }, true);
    expect(outputs.files).toContain(`${folder}/namespace.yaml`);
    await expectNothingWritten(setup);
    expect(setup.auditEvents).toEqual([]);
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
