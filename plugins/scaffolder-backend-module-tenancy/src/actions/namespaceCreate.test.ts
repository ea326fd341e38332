import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { parse, parseAllDocuments } from 'yaml';
import { git, runAction } from './__testUtils__/runAction';
import { setUpAction } from './__testUtils__/setUpNamespaceCreateAction';

const input = (patch: JsonObject = {}): JsonObject => ({
  tenant: 'payments',
  environment: 'prod',
  cluster: 'resource:default/prod-eu-1',
  name: 'api',
  size: 'S',
  quota: { pods: '30' },
  purpose: 'The payments API',
  ...patch,
});

describe('tenancy:namespace:create', () => {
  const dir = createMockDirectory();
  beforeEach(() => dir.clear());

  const run = async (
    setup: Awaited<ReturnType<typeof setUpAction>>,
    values: JsonObject,
    options: { isDryRun?: boolean } = {},
  ) => ({
    outputs: await runAction(setup.action, values, {
      workspacePath: join(dir.path, 'workspace'),
      isDryRun: options.isDryRun,
    }),
  });

  it('opens a pull request with the rendered bundle, for the reviewer', async () => {
    const setup = await setUpAction({ root: dir.path });
    const { outputs } = await run(setup, input());

    const branch = 'tenancy/payments/payments-api-prod';
    expect(outputs).toMatchObject({
      namespace: 'payments-api-prod',
      entityRef: 'resource:default/payments-api-prod',
      branch,
      pullRequestNumber: 1,
    });
    expect(outputs.files).toHaveLength(8);
    const project = parse(
      git(setup.repo, 'show', `${branch}:tenants/payments/appproject.yaml`),
    );
    expect(project.spec.destinations).toEqual([
      { name: 'nonprod-eu-1', namespace: 'payments-dev' },
      { name: 'prod-eu-1', namespace: 'payments-api-prod' },
    ]);
    const quota = parse(
      git(
        setup.repo,
        'show',
        `${branch}:tenants/payments/prod/payments-api-prod/resourcequota.yaml`,
      ),
    );
    expect(quota.spec.hard).toMatchObject({
      'requests.cpu': '1',
      'limits.memory': '4Gi',
      pods: '30',
    });
    const policies = parseAllDocuments(
      git(
        setup.repo,
        'show',
        `${branch}:tenants/payments/prod/payments-api-prod/networkpolicies.yaml`,
      ),
    );
    expect(policies).toHaveLength(3);

    const [request] = await setup.publisher.listRequests();
    expect(request).toMatchObject({
      number: 1,
      state: 'open',
      title: 'New namespace payments-api-prod for tenant payments (prod)',
    });
    const body = git(setup.repo, 'log', '-1', '--format=%b', branch);
    expect(body).toContain(
      '**user:default/alex** asks for namespace `payments-api-prod` for tenant **payments**',
    );
    expect(body).toContain('| `pods` | 30 | 500 |');
    expect(body).toContain(
      '- [x] quota requests within limits, and within the environment ceiling',
    );
    expect(body).toContain(
      '- `tenants/payments/prod/payments-api-prod/rolebindings.yaml`',
    );
    // The checks that ran, with their result: the policy rules, the base
    // branch, and the schema of every object of the change, by its real kind.
    expect(body).toContain(
      '- [x] schema: Namespace payments-api-prod valid against io.k8s.api.core.v1.Namespace (Kubernetes 1.36)',
    );
    expect(body).toContain(
      '- [x] schema: ResourceQuota tenant-quota valid against io.k8s.api.core.v1.ResourceQuota (Kubernetes 1.36)',
    );
    expect(body).toContain(
      '- [x] schema: AppProject payments valid against argoproj.io.v1alpha1.AppProject (Argo CD 3.5.1 CRD)',
    );
    expect(body).toContain(
      '- [x] schema: Resource payments-api-prod valid against ResourceV1alpha1 (Backstage catalog-model 1.10.1)',
    );
    expect(body).toContain(
      '- [x] base branch: the namespace payments-api-prod is not on it yet',
    );
    expect(body).toContain(
      '- [ ] _skipped:_ tenant budget (tenant payments sets no quotaBudget)',
    );
    expect(body).toContain(
      '- [x] base branch: `tenants/payments/appproject.yaml` read from it and changed',
    );
    const schemaChecks = body
      .split('\n')
      .filter(line => line.startsWith('- [x] schema: '));
    // One schema check per object the change writes.
    const objects = outputs.files
      .map(
        (file: string) =>
          parseAllDocuments(git(setup.repo, 'show', `${branch}:${file}`))
            .length,
      )
      .reduce((sum: number, n: number) => sum + n, 0);
    expect(schemaChecks).toHaveLength(objects);
    expect(git(setup.repo, 'status', '--porcelain')).toBe('');
  });

  it('on a Flux cluster, adds the Kustomization of the tenant environment and leaves the AppProject alone', async () => {
    const setup = await setUpAction({ root: dir.path });
    const project = git(
      setup.repo,
      'show',
      'main:tenants/payments/appproject.yaml',
    );
    const { outputs } = await run(
      setup,
      input({ environment: 'qa', cluster: 'nonprod-eu-2' }),
    );
    const branch = 'tenancy/payments/payments-api-qa';
    expect(outputs.branch).toBe(branch);
    expect(
      git(setup.repo, 'diff', '--name-only', 'main', branch).split('\n').sort(),
    ).toEqual([
      'bootstrap/flux/nonprod-eu-2/tenants/payments-qa.yaml',
      'tenants/payments/qa/payments-api-qa/catalog-info.yaml',
      'tenants/payments/qa/payments-api-qa/kustomization.yaml',
      'tenants/payments/qa/payments-api-qa/limitrange.yaml',
      'tenants/payments/qa/payments-api-qa/namespace.yaml',
      'tenants/payments/qa/payments-api-qa/networkpolicies.yaml',
      'tenants/payments/qa/payments-api-qa/resourcequota.yaml',
      'tenants/payments/qa/payments-api-qa/rolebindings.yaml',
    ]);
    expect(
      git(setup.repo, 'show', `${branch}:tenants/payments/appproject.yaml`),
    ).toBe(project);
    const kustomization = parse(
      git(
        setup.repo,
        'show',
        `${branch}:bootstrap/flux/nonprod-eu-2/tenants/payments-qa.yaml`,
      ),
    );
    expect(kustomization).toMatchObject({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: 'tenancy-payments-qa', namespace: 'flux-system' },
      spec: {
        path: './tenants/payments/qa',
        prune: true,
        serviceAccountName: 'kustomize-controller',
      },
    });
    const body = git(setup.repo, 'log', '-1', '--format=%b', branch);
    expect(body).toContain(
      'Reconciled by **Flux** on `nonprod-eu-2`: the Kustomization `tenancy-payments-qa`',
    );
  });

  it("on a Flux cluster, renders the tenant's own delivery into the folder: its repository applied with the tenant's rights", async () => {
    const setup = await setUpAction({ root: dir.path });
    const { outputs } = await run(
      setup,
      input({
        environment: 'qa',
        cluster: 'nonprod-eu-2',
        delivery: {
          url: 'https://git.example.com/payments/deploy.git',
          branch: 'release',
          path: 'apps/qa',
          // A blank field of the wizard: not given.
          interval: '',
        },
      }),
    );
    const branch = 'tenancy/payments/payments-api-qa';
    const folder = 'tenants/payments/qa/payments-api-qa';
    expect(outputs.files).toContain(`${folder}/flux-delivery.yaml`);
    expect(
      parse(git(setup.repo, 'show', `${branch}:${folder}/kustomization.yaml`))
        .resources,
    ).toContain('flux-delivery.yaml');
    const objects = parseAllDocuments(
      git(setup.repo, 'show', `${branch}:${folder}/flux-delivery.yaml`),
    ).map(d => d.toJSON());
    expect(objects.map(o => `${o.kind} ${o.metadata.name}`)).toEqual([
      'ServiceAccount tenancy-reconciler',
      'RoleBinding tenancy-reconciler-edit',
      'GitRepository tenant-apps',
      'Kustomization tenant-apps',
    ]);
    for (const o of objects)
      expect(o.metadata.namespace).toBe('payments-api-qa');
    expect(objects[2].spec).toEqual({
      url: 'https://git.example.com/payments/deploy.git',
      ref: { branch: 'release' },
      interval: '5m',
    });
    expect(objects[3].spec).toMatchObject({
      sourceRef: { kind: 'GitRepository', name: 'tenant-apps' },
      path: 'apps/qa',
      targetNamespace: 'payments-api-qa',
      serviceAccountName: 'tenancy-reconciler',
      prune: true,
    });
    const body = git(setup.repo, 'log', '-1', '--format=%b', branch);
    expect(body).toContain(
      "The tenant's own delivery (`flux-delivery.yaml`): the GitRepository `https://git.example.com/payments/deploy.git` (branch `release`), folder `apps/qa`",
    );
    // Every object of the delivery was checked against its upstream schema.
    expect(body).toContain(
      '- [x] schema: GitRepository tenant-apps valid against source.toolkit.fluxcd.io.v1.GitRepository (Flux 2.9 CRD)',
    );
    expect(body).toContain(
      '- [x] schema: ServiceAccount tenancy-reconciler valid against io.k8s.api.core.v1.ServiceAccount (Kubernetes 1.36)',
    );
  });

  it('refuses a delivery on an Argo CD cluster, or from a repository the policy does not allow, and writes nothing', async () => {
    const setup = await setUpAction({ root: dir.path });
    const argo = await run(
      setup,
      input({
        delivery: { url: 'https://git.example.com/payments/deploy.git' },
      }),
    ).catch(e => e);
    expect(argo.name).toBe('InputError');
    expect(argo.message).toContain(
      "- delivery (delivery-engine): a delivery from the tenant's own repository is rendered for Flux clusters only; cluster prod-eu-1 runs Argo CD",
    );
    const foreign = await run(
      setup,
      input({
        environment: 'qa',
        cluster: 'nonprod-eu-2',
        delivery: {
          url: 'https://git.example.com/checkout/deploy.git',
          path: '../x',
        },
      }),
    ).catch(e => e);
    expect(foreign.message).toContain(
      '- delivery.url (allowed-source): url https://git.example.com/checkout/deploy.git is not allowed for tenant payments',
    );
    expect(foreign.message).toContain('- delivery.path (relative-path)');
    const noUrl = await run(
      setup,
      input({
        environment: 'qa',
        cluster: 'nonprod-eu-2',
        delivery: { url: '', branch: 'release' },
      }),
    ).catch(e => e);
    expect(noUrl.message).toContain(
      "- delivery.url (required): branch given without the repository's url",
    );
    expect(git(setup.repo, 'branch', '--list', 'tenancy/*')).toBe('');
  });

  it('is idempotent: running the same request again returns the same pull request', async () => {
    const setup = await setUpAction({ root: dir.path });
    await run(setup, input());
    const tip = git(
      setup.repo,
      'rev-parse',
      'tenancy/payments/payments-api-prod',
    );

    const { outputs } = await run(setup, input());

    expect(outputs.pullRequestNumber).toBe(1);
    expect(
      git(setup.repo, 'rev-parse', 'tenancy/payments/payments-api-prod'),
    ).toBe(tip);
    expect(await setup.publisher.listRequests()).toHaveLength(1);
  });

  it('two concurrent requests for the same namespace yield exactly one pull request', async () => {
    const setup = await setUpAction({ root: dir.path });
    const results = await Promise.allSettled([
      run(setup, input()),
      run(setup, input({ quota: { pods: '40' } })),
    ]);

    expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find(
      r => r.status === 'rejected',
    ) as PromiseRejectedResult;
    expect(rejected.reason.name).toBe('ConflictError');
    expect(await setup.publisher.listRequests()).toHaveLength(1);
  });

  it('refuses a namespace that exists on the base branch', async () => {
    const setup = await setUpAction({ root: dir.path });
    await expect(
      run(
        setup,
        input({ environment: 'dev', cluster: 'nonprod-eu-1', name: '' }),
      ),
    ).rejects.toThrow(
      /namespace payments-dev already exists in the GitOps repository/,
    );
    expect(await setup.publisher.listRequests()).toEqual([]);
  });

  it('refuses requesters outside the owning group, and writes nothing', async () => {
    const setup = await setUpAction({ root: dir.path, member: false });
    await expect(run(setup, input())).rejects.toThrow(
      'user:default/alex is not a member of group:default/team-payments, which owns tenant payments, nor a platform admin',
    );
    expect(git(setup.repo, 'branch', '--list', 'tenancy/*')).toBe('');
    expect(await setup.publisher.listRequests()).toEqual([]);
  });

  it('lets platform admins request for any tenant', async () => {
    const setup = await setUpAction({
      root: dir.path,
      member: false,
      admin: true,
    });
    const { outputs } = await run(setup, input());
    expect(outputs.pullRequestNumber).toBe(1);
    expect(setup.permissions.authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'tenancy.provision.admin',
          }),
        },
      ],
      expect.anything(),
    );
  });

  it('rejects bad input naming every field and rule, and writes nothing', async () => {
    const setup = await setUpAction({ root: dir.path });
    const error = await run(
      setup,
      input({
        name: 'API',
        cluster: 'nonprod-eu-1',
        quota: { 'requests.memory': '4G', pods: '1.5' },
      }),
    ).catch(e => e);

    expect(error.name).toBe('InputError');
    expect(error.message).toContain(
      '- name (dns-1123): name "API" must be a DNS-1123 label',
    );
    expect(error.message).toContain(
      '- cluster (allowed-cluster): cluster "nonprod-eu-1" is not allowed for prod',
    );
    expect(error.message).toContain('- quota.requests.memory (binary-units)');
    expect(error.message).toContain('- quota.pods (integer)');
    expect(git(setup.repo, 'branch', '--list', 'tenancy/*')).toBe('');
    await expect(fs.readdir(join(dir.path, 'workspace'))).rejects.toThrow();
  });

  it("refuses a namespace past the tenant's budget, naming the resource and the sum, and writes nothing", async () => {
    const setup = await setUpAction({
      root: dir.path,
      bundle: true,
      budget: { 'requests.cpu': '1500m', 'limits.memory': '64Gi' },
    });
    const error = await run(setup, input({ size: 'S' })).catch(e => e);
    expect(error.name).toBe('InputError');
    expect(error.message).toContain(
      '- quota.requests.cpu (tenant-budget): quota.requests.cpu "1" goes past the budget of tenant payments: its other namespaces and open requests use 1, with this request 2 of 1500m',
    );
    expect(git(setup.repo, 'branch', '--list', 'tenancy/*')).toBe('');

    const within = await setUpAction({
      root: join(dir.path, 'within'),
      bundle: true,
      budget: { 'requests.cpu': '2' },
    });
    const { outputs } = await run(within, input({ size: 'S' }));
    expect(outputs.pullRequestNumber).toBe(1);
    expect(
      git(within.repo, 'log', '-1', '--format=%b', outputs.branch),
    ).toContain(
      "- [x] tenant budget: requests.cpu 1 requested, 1 used by the tenant's other namespaces and open requests, 0 of 2 left",
    );
  });

  it('rejects an unknown size', async () => {
    const setup = await setUpAction({ root: dir.path });
    await expect(run(setup, input({ size: 'XXL' }))).rejects.toThrow(
      'size "XXL" is not one of S',
    );
  });

  it('renders into the workspace in a dry run, without a branch', async () => {
    const setup = await setUpAction({ root: dir.path });
    const { outputs } = await run(setup, input(), { isDryRun: true });

    expect(outputs.pullRequestNumber).toBeUndefined();
    const namespace = parse(
      await fs.readFile(
        join(
          dir.path,
          'workspace/tenants/payments/prod/payments-api-prod/namespace.yaml',
        ),
        'utf8',
      ),
    );
    expect(
      namespace.metadata.labels['pod-security.kubernetes.io/enforce'],
    ).toBe('restricted');
    expect(git(setup.repo, 'branch', '--list', 'tenancy/*')).toBe('');
  });
});
