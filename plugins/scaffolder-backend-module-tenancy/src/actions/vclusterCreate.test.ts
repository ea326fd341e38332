import { join } from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { parse, parseAllDocuments } from 'yaml';
import { git, runAction } from './__testUtils__/runAction';
import { setUpAction } from './__testUtils__/setUpNamespaceCreateAction';
import { examples } from './vclusterCreate.examples';

const input = (patch: JsonObject = {}): JsonObject => ({
  tenant: 'data-platform',
  environment: 'dev',
  cluster: 'nonprod-eu-1',
  name: 'sandbox',
  size: 'M',
  nodePool: 'gpu',
  ...patch,
});

describe('tenancy:vcluster:create', () => {
  const dir = createMockDirectory();
  beforeEach(() => dir.clear());
  const run = async (
    setup: Awaited<ReturnType<typeof setUpAction>>,
    values: JsonObject,
    options: { isDryRun?: boolean } = {},
  ) =>
    runAction(setup.vclusterAction, values, {
      workspacePath: join(dir.path, 'workspace'),
      isDryRun: options.isDryRun,
    });

  it('opens a pull request with the host namespace, the chart Application and the entity', async () => {
    const setup = await setUpAction({ root: dir.path });
    const outputs = await run(setup, input());
    const name = 'data-platform-vc-sandbox-dev';
    const folder = `tenants/data-platform/dev/${name}`;
    expect(outputs).toMatchObject({
      name,
      namespace: name,
      kubeconfigSecret: `${name}-kubeconfig`,
      project: 'platform-vclusters',
      argocdCluster: `vcluster-${name}`,
      entityRef: `resource:default/${name}`,
      branch: `tenancy/data-platform/${name}`,
      pullRequestNumber: 1,
    });
    const app = parse(
      git(
        setup.repo,
        'show',
        `${outputs.branch}:${folder}/argocd/vcluster-application.yaml`,
      ),
    );
    expect(app.spec.source).toMatchObject({
      chart: 'vcluster',
      targetRevision: '0.36.1',
    });
    expect(
      app.spec.source.helm.valuesObject.policies.resourceQuota.quota,
    ).toMatchObject({
      'requests.cpu': '2',
      'limits.memory': '8Gi',
      // The chart's own default is removed, not merged in.
      'count/pods': null,
    });
    // The portal's reader may get the exported kubeconfig, by name only.
    const [role, binding] = parseAllDocuments(
      git(
        setup.repo,
        'show',
        `${outputs.branch}:${folder}/kubeconfig-reader.yaml`,
      ),
    ).map(d => d.toJS());
    expect(role.rules).toEqual([
      {
        apiGroups: [''],
        resources: ['secrets'],
        resourceNames: [outputs.kubeconfigSecret],
        verbs: ['get'],
      },
    ]);
    expect(binding.subjects).toEqual([
      {
        kind: 'ServiceAccount',
        name: 'backstage-tenancy',
        namespace: 'backstage',
      },
    ]);
    expect(
      parse(
        git(
          setup.repo,
          'show',
          `${outputs.branch}:${folder}/kustomization.yaml`,
        ),
      ).resources,
    ).toEqual(['namespace.yaml', 'kubeconfig-reader.yaml']);
    const entity = parse(
      git(setup.repo, 'show', `${outputs.branch}:${folder}/catalog-info.yaml`),
    );
    expect(entity.spec.type).toBe('vcluster');
    // The vClusters' project gets this host namespace and the chart's
    // cluster-scoped objects of it, by name, in the same pull request.
    const project = parse(
      git(
        setup.repo,
        'show',
        `${outputs.branch}:bootstrap/platform-vclusters.yaml`,
      ),
    );
    expect(project.spec.destinations).toEqual([
      { name: 'nonprod-eu-1', namespace: name },
    ]);
    expect(project.spec.clusterResourceWhitelist).toEqual([
      {
        group: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: `vc-${name}-v-${name}`,
      },
      {
        group: 'rbac.authorization.k8s.io',
        kind: 'ClusterRoleBinding',
        name: `vc-${name}-v-${name}`,
      },
    ]);
    // The tenant's project (created: the tenant has none yet) gains exactly
    // the vCluster as an Argo CD cluster, every namespace inside it.
    const tenantProject = parse(
      git(
        setup.repo,
        'show',
        `${outputs.branch}:tenants/data-platform/appproject.yaml`,
      ),
    );
    expect(tenantProject.metadata.name).toBe('data-platform');
    expect(tenantProject.spec.destinations).toEqual([
      { name: `vcluster-${name}`, namespace: '*' },
    ]);
    const body = git(setup.repo, 'log', '-1', '--format=%b', outputs.branch);
    expect(body).toContain('node pool `gpu`');
    expect(body).toContain('`tenants/data-platform/appproject.yaml`');
    expect(body).toContain(
      `Argo CD cluster \`vcluster-${name}\`, registered from that secret`,
    );
    expect(body).toContain(
      '- [x] schema: AppProject data-platform valid against argoproj.io.v1alpha1.AppProject (Argo CD 3.5.1 CRD)',
    );
    expect(body).toContain('| `requests.cpu` | 2 | 8 |');
    expect(body).toContain(
      '- [x] values: the rendered vcluster.yaml valid against the values schema of chart 0.36.1',
    );
    expect(body).toContain(
      '- [x] schema: Role tenancy-vcluster-kubeconfig-reader valid against io.k8s.api.rbac.v1.Role (Kubernetes 1.36)',
    );
    expect(body).toContain(
      `- [x] schema: Application vcluster-${name} valid against argoproj.io.v1alpha1.Application (Argo CD 3.5.1 CRD)`,
    );
    expect(body).toContain(
      '- [x] base branch: the vCluster data-platform-vc-sandbox-dev is not on it yet',
    );

    // The same request again: the same pull request.
    await expect(run(setup, input())).resolves.toMatchObject({
      pullRequestNumber: 1,
    });
    expect(await setup.publisher.listRequests()).toHaveLength(1);
  });

  it.each([
    [{ nodePool: 'bare-metal' }, /nodePool \(allowed-node-pool\)/],
    [
      { values: { isolation: { enabled: true } } },
      /values.isolation \(pre-0.20-key\).*policies/,
    ],
    [
      { values: { sync: { toHost: { ingress: {} } } } },
      /values.sync.toHost.ingress \(not-allowed\)/,
    ],
    [
      { values: { sync: { toHost: { ingresses: { enabled: 'yes' } } } } },
      /values.sync.toHost.ingresses.enabled \(vcluster-schema\)/,
    ],
    [
      { values: { rbac: { clusterRole: { enabled: true } } } },
      /values.rbac \(not-allowed\)/,
    ],
    [
      { values: { experimental: { deploy: { host: { manifests: 'x' } } } } },
      /values.experimental \(not-allowed\)/,
    ],
    [
      { values: { exportKubeConfig: {} } },
      /values.exportKubeConfig \(platform-key\)/,
    ],
    [{ tenant: 'payments' }, /tenant \(isolation\)/],
    [{ name: 'Sand_box' }, /name \(dns-1123\)/],
    [
      { environment: 'prod', cluster: 'nonprod-eu-1' },
      /cluster \(allowed-cluster\)/,
    ],
  ])('refuses %j without writing anything', async (patch, message) => {
    const setup = await setUpAction({ root: dir.path });
    await expect(run(setup, input(patch as JsonObject))).rejects.toThrow(
      message,
    );
    expect(git(setup.repo, 'branch', '--list', 'tenancy/*')).toBe('');
    expect(await setup.publisher.listRequests()).toEqual([]);
  });

  it('refuses requesters outside the owning group', async () => {
    const setup = await setUpAction({ root: dir.path, member: false });
    await expect(run(setup, input())).rejects.toThrow(/is not a member/);
    expect(await setup.publisher.listRequests()).toEqual([]);
  });

  it('writes the files to the workspace in a dry run', async () => {
    const setup = await setUpAction({ root: dir.path });
    const outputs = await run(setup, input(), { isDryRun: true });
    // What the request renders; the base branch's AppProjects are not read.
    expect(outputs.files).toHaveLength(6);
    expect(outputs.files).toContain('bootstrap/platform-vclusters.yaml');
    expect(outputs.pullRequestNumber).toBeUndefined();
    expect(await setup.publisher.listRequests()).toEqual([]);
  });

  it.each(examples.map(e => [e.description, e.example]))(
    'example: %s',
    async (_d, example) => {
      const setup = await setUpAction({ root: dir.path });
      const outputs = await run(setup, parse(example).steps[0].input);
      expect(outputs.pullRequestNumber).toBe(1);
      // The bundle's 5 files (the kubeconfig reader's too) and the two
      // AppProjects.
      expect(outputs.files).toHaveLength(7);
      expect(outputs.files).toContain('bootstrap/platform-vclusters.yaml');
    },
  );
});
