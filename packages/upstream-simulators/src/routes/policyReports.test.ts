import {
  contractSample,
  validateConstraintParameters,
  validateCustomResourceList,
} from '../__testUtils__/validateCustomResource';
import { validateUpstreamResponse } from '../__testUtils__/validateUpstreamResponse';
import {
  createSimulatorServer,
  DEFAULT_SIMULATOR_CREDENTIALS,
  SimulatorServer,
} from '../createSimulatorServer';
import { generateWorld } from '../world/generateWorld';
import { SimulatedWorld } from '../world/SimulatedWorld';

const k8sAuth = {
  authorization: `Bearer ${DEFAULT_SIMULATOR_CREDENTIALS.kubernetesToken}`,
};

const generated = generateWorld({
  clusters: 2,
  namespaces: 40,
  namespacesPerTenant: 4,
  argocdInstances: 1,
  applications: 80,
  costInstances: 'single',
});
// cluster-1 runs Kyverno writing wgpolicyk8s.io, cluster-2 Kyverno writing
// openreports.io; cluster-3 Gatekeeper.
const world: SimulatedWorld = {
  ...generated,
  clusters: [
    ...generated.clusters,
    {
      name: 'cluster-3',
      namespaces: generated.clusters[0].namespaces,
      policyEngine: 'gatekeeper',
    },
  ],
};

const CRDS = {
  policyreports: 'policy-reports/crds/wgpolicyk8s.io_policyreports.yaml',
  clusterpolicyreports:
    'policy-reports/crds/wgpolicyk8s.io_clusterpolicyreports.yaml',
  reports: 'policy-reports/crds/openreports.io_reports.yaml',
  clusterreports: 'policy-reports/crds/openreports.io_clusterreports.yaml',
};

const LISTS = [
  ['cluster-1', 'wgpolicyk8s.io/v1alpha2', 'policyreports'],
  ['cluster-1', 'wgpolicyk8s.io/v1alpha2', 'clusterpolicyreports'],
  ['cluster-2', 'openreports.io/v1alpha1', 'reports'],
  ['cluster-2', 'openreports.io/v1alpha1', 'clusterreports'],
] as const;

describe('the policy reports of the simulated clusters', () => {
  let sim: SimulatorServer;
  beforeEach(async () => {
    sim = await createSimulatorServer({ getWorld: () => world });
  });
  afterEach(() => sim.close());

  /** A list under `/apis/` of a cluster, or under `/api/v1/` with `core`. */
  const list = async (cluster: string, path: string, core = false) => {
    const res = await fetch(
      `${sim.url}/k8s/${cluster}/${core ? 'api/v1' : 'apis'}/${path}`,
      { headers: k8sAuth },
    );
    return { status: res.status, body: await res.json() };
  };

  it.each(LISTS)(
    'serves %s %s/%s as Kyverno writes it, following the CRD',
    async (cluster, groupVersion, resource) => {
      const { status, body } = await list(
        cluster,
        `${groupVersion}/${resource}`,
      );
      expect(status).toBe(200);
      expect(body.items.length).toBeGreaterThan(0);
      const [, version] = groupVersion.split('/');
      expect(validateCustomResourceList(CRDS[resource], version, body)).toEqual(
        [],
      );
      for (const report of body.items) {
        // One report per resource, named by its UID and owned by it.
        expect(report.metadata.name).toBe(report.scope.uid);
        expect(report.metadata.ownerReferences[0].uid).toBe(report.scope.uid);
        expect(report.metadata.namespace).toBe(report.scope.namespace);
        expect(report.metadata.labels).toEqual({
          'app.kubernetes.io/managed-by': 'kyverno',
        });
        const counts = { error: 0, fail: 0, pass: 0, skip: 0, warn: 0 };
        for (const r of report.results) {
          counts[r.result as keyof typeof counts]++;
          expect(r.resources).toBeUndefined();
          expect(r.source).toBe('KyvernoValidatingPolicy');
          expect(Object.keys(r.timestamp).sort()).toEqual(['nanos', 'seconds']);
        }
        expect(report.summary).toEqual(counts);
      }
    },
  );

  it('serves the other group empty on a Kyverno cluster, and neither on a Gatekeeper one', async () => {
    const empty = await list('cluster-1', 'openreports.io/v1alpha1/reports');
    expect(empty.status).toBe(200);
    expect(empty.body.items).toEqual([]);
    expect(
      (await list('cluster-2', 'wgpolicyk8s.io/v1alpha2/policyreports')).body
        .items,
    ).toEqual([]);
    const absent = await list(
      'cluster-3',
      'wgpolicyk8s.io/v1alpha2/policyreports',
    );
    expect(absent.status).toBe(404);
    expect(
      validateUpstreamResponse(
        'kubernetes',
        'io.k8s.apimachinery.pkg.apis.meta.v1.Status',
        absent.body,
      ),
    ).toEqual([]);
  });

  it('evaluates the baseline on the objects: a Deployment on the latest tag fails, with its ReplicaSet and Pods', async () => {
    const deployments = (
      await list('cluster-1', 'apps/v1/deployments')
    ).body.items.filter((d: any) =>
      d.spec.template.spec.containers[0].image.endsWith(':latest'),
    );
    expect(deployments.length).toBeGreaterThan(0);
    const reports = (
      await list('cluster-1', 'wgpolicyk8s.io/v1alpha2/policyreports')
    ).body.items;
    const failing = (report: any) =>
      report.results.find(
        (r: any) =>
          r.policy === 'tenancy-disallow-latest-tag-audit' &&
          r.result === 'fail',
      );
    const deployment = deployments[0];
    const own = reports.find(
      (r: any) => r.scope.uid === deployment.metadata.uid,
    );
    expect(failing(own).message).toBe(
      `images must name a tag other than latest or a digest: ${deployment.spec.template.spec.containers[0].image}`,
    );
    const ns = deployment.metadata.namespace;
    const inNamespace = reports.filter(
      (r: any) => r.scope.namespace === ns && failing(r),
    );
    // The Deployment, its ReplicaSet and its two Pods.
    expect(inNamespace.map((r: any) => r.scope.kind).sort()).toEqual([
      'Deployment',
      'Pod',
      'Pod',
      'ReplicaSet',
    ]);
    const services = reports.filter((r: any) => r.scope.kind === 'Service');
    expect(services.length).toBeGreaterThan(0);
    expect(services[0].results).toEqual([
      expect.objectContaining({
        policy: 'tenancy-restrict-service-exposure-audit',
        result: 'pass',
      }),
    ]);
    const passing = reports.filter((r: any) => r.summary.fail === 0);
    expect(passing.length).toBeGreaterThan(reports.length / 2);
  });

  it("checks registries per tenant: the platform's and those its Tenant allows", async () => {
    const fromDockerHub = (
      await list('cluster-1', 'apps/v1/deployments')
    ).body.items.find((d: any) =>
      d.spec.template.spec.containers[0].image.startsWith('docker.io/'),
    );
    const ns = fromDockerHub.metadata.namespace;
    const tenant = world.clusters[0].namespaces.find(n => n.name === ns)!
      .tenant!;
    const registryResults = async (server: SimulatorServer) => {
      const res = await fetch(
        `${server.url}/k8s/cluster-1/apis/wgpolicyk8s.io/v1alpha2/namespaces/${ns}/policyreports`,
        { headers: k8sAuth },
      );
      return (await res.json()).items
        .find((r: any) => r.scope.uid === fromDockerHub.metadata.uid)
        .results.find(
          (r: any) => r.policy === `tenancy-allowed-registries-${tenant}-audit`,
        );
    };
    expect(await registryResults(sim)).toMatchObject({
      result: 'fail',
      message: expect.stringMatching(
        /^images not from an allowed registry: docker\.io\/.*; allowed: registry\.example\.com\/, ghcr\.io\/loft-sh\/$/,
      ),
    });
    const excepted = await createSimulatorServer({
      getWorld: () => ({
        ...world,
        clusters: world.clusters.map(c => ({
          ...c,
          namespaces: c.namespaces.map(n =>
            n.tenant === tenant
              ? { ...n, allowedRegistries: ['docker.io/example/'] }
              : n,
          ),
        })),
      }),
    });
    try {
      expect((await registryResults(excepted)).result).toBe('pass');
    } finally {
      await excepted.close();
    }
  });

  it('reports on tenant Namespaces in the cluster-scoped list', async () => {
    const { body } = await list(
      'cluster-1',
      'wgpolicyk8s.io/v1alpha2/clusterpolicyreports',
    );
    const namespaces = (await list('cluster-1', 'namespaces', true)).body.items;
    expect(body.items.map((r: any) => r.scope.uid).sort()).toEqual(
      namespaces.map((n: any) => n.metadata.uid).sort(),
    );
    expect(body.items[0].scope.kind).toBe('Namespace');
    expect(body.items[0].metadata.namespace).toBeUndefined();
    expect(body.items[0].results[0]).toMatchObject({
      policy: 'tenancy-namespace-labels-audit',
      result: 'fail',
      message: expect.stringMatching(/, missing: tenancy.io\/cost-center$/),
    });
  });

  it('serves the reports of one namespace', async () => {
    const ns = world.clusters[0].namespaces[0].name;
    const { body } = await list(
      'cluster-1',
      `wgpolicyk8s.io/v1alpha2/namespaces/${ns}/policyreports`,
    );
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((r: any) => r.metadata.namespace === ns)).toBe(
      true,
    );
  });

  it('pages with limit and continue, as the other lists', async () => {
    const path = 'wgpolicyk8s.io/v1alpha2/policyreports';
    const all = (await list('cluster-1', path)).body.items;
    const names: string[] = [];
    let token = '';
    do {
      const page = (
        await list(
          'cluster-1',
          `${path}?limit=50${token ? `&continue=${token}` : ''}`,
        )
      ).body;
      expect(page.items.length).toBeLessThanOrEqual(50);
      names.push(...page.items.map((r: any) => r.metadata.name));
      token = page.metadata.continue ?? '';
    } while (token);
    expect(names).toEqual(all.map((r: any) => r.metadata.name));
    expect(all.length).toBeGreaterThan(100);
  });

  it('serves the same reports on every call and from every server', async () => {
    const path = 'openreports.io/v1alpha1/reports';
    const first = await list('cluster-2', path);
    const other = await createSimulatorServer({ getWorld: () => world });
    try {
      const res = await fetch(`${other.url}/k8s/cluster-2/apis/${path}`, {
        headers: k8sAuth,
      });
      expect(await res.json()).toEqual(first.body);
    } finally {
      await other.close();
    }
  });

  it('serves Gatekeeper constraints with their audit results on a Gatekeeper cluster', async () => {
    const discovery = await list(
      'cluster-3',
      'constraints.gatekeeper.sh/v1beta1',
    );
    expect(
      validateUpstreamResponse(
        'kubernetes',
        'io.k8s.apimachinery.pkg.apis.meta.v1.APIResourceList',
        discovery.body,
      ),
    ).toEqual([]);
    expect(discovery.body.resources).toEqual([
      expect.objectContaining({
        name: 'k8srequiredlabels',
        kind: 'K8sRequiredLabels',
        namespaced: false,
      }),
    ]);
    const { body } = await list(
      'cluster-3',
      'constraints.gatekeeper.sh/v1beta1/k8srequiredlabels',
    );
    expect(body.kind).toBe('K8sRequiredLabelsList');
    const [constraint] = body.items;
    expect(
      validateConstraintParameters(
        'gatekeeper/library/general/requiredlabels/template.yaml',
        constraint.spec.parameters,
      ),
    ).toEqual([]);
    const sample = contractSample(
      'gatekeeper/examples/constraint-with-status.ns-must-have-gk.yaml',
    );
    const keys = (o: object) => Object.keys(o).sort();
    expect(keys(constraint.status)).toEqual(
      keys({ ...sample.status, totalViolations: 0, byPod: [] }),
    );
    expect(keys(constraint.status.violations[0])).toEqual(
      keys(sample.status.violations[0]),
    );
    // Every generated tenant Namespace lacks tenancy.io/cost-center; the
    // audit keeps 20.
    const tenantNamespaces = world.clusters[2].namespaces.length;
    expect(constraint.status.totalViolations).toBe(tenantNamespaces);
    expect(constraint.status.violations).toHaveLength(
      Math.min(20, tenantNamespaces),
    );
    expect(
      (await list('cluster-1', 'constraints.gatekeeper.sh/v1beta1')).status,
    ).toBe(404);
    expect((await list('cluster-3', 'wgpolicyk8s.io/v1alpha2')).status).toBe(
      404,
    );
    expect(
      (await list('cluster-1', 'wgpolicyk8s.io/v1alpha2')).body.resources.map(
        (r: any) => r.name,
      ),
    ).toEqual(['policyreports', 'clusterpolicyreports']);
  });

  describe('controls', () => {
    const put = (body: unknown) =>
      fetch(`${sim.url}/__simulator/controls`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    it('removes a group: its lists answer 404 with a Status, the other group stays', async () => {
      expect(
        (
          await put({
            policyReports: { 'cluster-1': { absent: ['wgpolicyk8s.io'] } },
          })
        ).status,
      ).toBe(200);
      for (const resource of ['policyreports', 'clusterpolicyreports']) {
        const gone = await list(
          'cluster-1',
          `wgpolicyk8s.io/v1alpha2/${resource}`,
        );
        expect(gone.status).toBe(404);
        expect(gone.body).toMatchObject({
          kind: 'Status',
          reason: 'NotFound',
          message: 'the server could not find the requested resource',
        });
      }
      expect(
        (await list('cluster-1', 'openreports.io/v1alpha1/reports')).status,
      ).toBe(200);
      expect(
        (await list('cluster-2', 'wgpolicyk8s.io/v1alpha2/policyreports'))
          .status,
      ).toBe(200);
    });

    it('makes the first report of a group malformed, which the CRD rejects', async () => {
      await put({
        policyReports: { 'cluster-2': { malformed: ['openreports.io'] } },
      });
      const { body } = await list(
        'cluster-2',
        'openreports.io/v1alpha1/reports',
      );
      expect(Array.isArray(body.items[0].results)).toBe(false);
      expect(Array.isArray(body.items[1].results)).toBe(true);
      const errors = validateCustomResourceList(CRDS.reports, 'v1alpha1', body);
      expect(errors).toEqual([
        expect.stringMatching(/^items\[0\] \/results must be array/),
      ]);
    });

    it('removes or breaks Gatekeeper constraints', async () => {
      const path = 'constraints.gatekeeper.sh/v1beta1/k8srequiredlabels';
      await put({
        policyReports: {
          'cluster-3': { malformed: ['constraints.gatekeeper.sh'] },
        },
      });
      const broken = (await list('cluster-3', path)).body.items[0];
      expect(Array.isArray(broken.status.violations)).toBe(false);
      await put({
        policyReports: {
          'cluster-3': { absent: ['constraints.gatekeeper.sh'] },
        },
      });
      expect((await list('cluster-3', path)).status).toBe(404);
    });

    it('serves N results per tenant namespace for benchmarks', async () => {
      await put({ policyResultsPerNamespace: 20 });
      const { body } = await list(
        'cluster-1',
        'wgpolicyk8s.io/v1alpha2/policyreports',
      );
      const perNamespace = new Map<string, number>();
      for (const r of body.items) {
        perNamespace.set(
          r.metadata.namespace,
          (perNamespace.get(r.metadata.namespace) ?? 0) + r.results.length,
        );
      }
      expect(perNamespace.size).toBe(world.clusters[0].namespaces.length);
      expect(new Set(perNamespace.values())).toEqual(new Set([20]));
      expect(
        validateCustomResourceList(CRDS.policyreports, 'v1alpha2', body),
      ).toEqual([]);
    });

    it('names the field it rejects', async () => {
      const bad = await put({
        policyReports: { 'cluster-1': { absent: ['kyverno.io'] } },
      });
      expect(bad.status).toBe(400);
      expect((await bad.json()).error).toBe(
        'policyReports.cluster-1.absent[0] must be one of wgpolicyk8s.io, openreports.io, constraints.gatekeeper.sh',
      );
      const count = await put({ policyResultsPerNamespace: -1 });
      expect((await count.json()).error).toBe(
        'policyResultsPerNamespace must be an integer >= 0',
      );
    });
  });
});
