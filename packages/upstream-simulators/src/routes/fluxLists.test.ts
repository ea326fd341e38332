import {
  cpSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { renderFluxTenantDelivery } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { validateCustomResourceList } from '../__testUtils__/validateCustomResource';
import { validateUpstreamResponse } from '../__testUtils__/validateUpstreamResponse';
import {
  createSimulatorServer,
  DEFAULT_SIMULATOR_CREDENTIALS,
  SimulatorServer,
} from '../createSimulatorServer';
import { readSimulatorOptions } from '../serveGitOpsRepo';
import { validControls } from '../validControls';
import { worldFromGitOpsRepo } from '../world/worldFromGitOpsRepo';

const EXAMPLE = resolve(__dirname, '../../../../examples/gitops-repo');
const KUSTOMIZATION_CRD =
  'flux/crds/kustomize.toolkit.fluxcd.io_kustomizations.yaml';
const HELMRELEASE_CRD = 'flux/crds/helm.toolkit.fluxcd.io_helmreleases.yaml';

const k8sAuth = {
  authorization: `Bearer ${DEFAULT_SIMULATOR_CREDENTIALS.kubernetesToken}`,
};

const FLUX = 'nonprod-eu-2';
const LAYOUT = {
  // nonprod-eu-2 listed for the Argo CD instance too: it still reports none.
  argocd: [{ name: 'argocd', clusters: ['nonprod-eu-1', 'prod-eu-1', FLUX] }],
  cost: [],
  fluxClusters: [FLUX],
};

/** A namespace folder of env qa on the Flux cluster, as the engineer's layout has it. */
function addNamespaceFolder(repo: string, tenant: string, ns: string) {
  const dir = join(repo, 'tenants', tenant, 'qa', ns);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'catalog-info.yaml'),
    `apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: ${ns}
  annotations:
    backstage.io/kubernetes-cluster: ${FLUX}
    backstage.io/kubernetes-namespace: ${ns}
spec:
  type: kubernetes-namespace
  owner: group:default/team-${tenant}
`,
  );
  writeFileSync(
    join(dir, 'kustomization.yaml'),
    `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - namespace.yaml
  - resourcequota.yaml
`,
  );
  writeFileSync(
    join(dir, 'namespace.yaml'),
    `apiVersion: v1
kind: Namespace
metadata:
  name: ${ns}
  labels:
    tenancy.io/tenant: ${tenant}
    tenancy.io/environment: qa
`,
  );
  writeFileSync(
    join(dir, 'resourcequota.yaml'),
    `apiVersion: v1
kind: ResourceQuota
metadata:
  name: tenant-quota
  namespace: ${ns}
spec:
  hard:
    requests.cpu: "2"
`,
  );
}

/**
 * A tenant's own Flux delivery in a namespace folder: `flux-delivery.yaml`
 * as `renderFluxTenantDelivery` renders it, listed in the folder's
 * `kustomization.yaml`.
 */
function addDelivery(
  repo: string,
  tenant: string,
  ns: string,
  options: { url?: string; tag?: string; name?: string; path?: string } = {},
) {
  const dir = join(repo, 'tenants', tenant, 'qa', ns);
  const manifests = renderFluxTenantDelivery({
    tenant,
    namespace: ns,
    url: options.url ?? `https://github.com/acme/${tenant}-deploy`,
    ...(options.tag ? { tag: options.tag } : {}),
    ...(options.name ? { name: options.name } : {}),
    ...(options.path ? { path: options.path } : {}),
    policy: {
      argocd: {
        sourceRepos: [
          'https://github.com/acme/{tenant}-deploy',
          'oci://registry.acme.internal/{tenant}/*',
        ],
      },
      clusterRoles: ['tenancy-tenant'],
    },
  });
  writeFileSync(
    join(dir, 'flux-delivery.yaml'),
    manifests.map(m => stringify(m)).join('---\n'),
  );
  const kustomization = join(dir, 'kustomization.yaml');
  writeFileSync(
    kustomization,
    `${readFileSync(kustomization, 'utf8')}  - flux-delivery.yaml\n`,
  );
}

const readyOf = (k: any) =>
  k.status.conditions.find((c: any) => c.type === 'Ready');

describe('Flux on a simulated cluster', () => {
  const dir = createMockDirectory();
  let sim: SimulatorServer;

  beforeEach(async () => {
    rmSync(dir.path, { recursive: true, force: true });
    cpSync(EXAMPLE, dir.path, { recursive: true });
    // This test's own Flux folders only, whatever the example holds for qa.
    rmSync(join(dir.path, 'bootstrap/flux'), { recursive: true, force: true });
    for (const tenant of ['checkout', 'data-platform', 'payments', 'search']) {
      rmSync(join(dir.path, 'tenants', tenant, 'qa'), {
        recursive: true,
        force: true,
      });
    }
    addNamespaceFolder(dir.path, 'checkout', 'checkout-qa');
    addNamespaceFolder(dir.path, 'payments', 'payments-qa');
    // A vCluster folder on the Flux cluster: its chart becomes a HelmRelease.
    const vc = join(dir.path, 'tenants/checkout/qa/checkout-vc-preview-qa');
    cpSync(join(EXAMPLE, 'tenants/checkout/dev/checkout-vc-preview-dev'), vc, {
      recursive: true,
    });
    for (const file of [
      'catalog-info.yaml',
      'namespace.yaml',
      'kubeconfig-reader.yaml',
      'argocd/vcluster-application.yaml',
    ]) {
      const path = join(vc, file);
      const text = readFileSync(path, 'utf8');
      writeFileSync(
        path,
        text
          .replace(/checkout-vc-preview-dev/g, 'checkout-vc-preview-qa')
          .replace(/nonprod-eu-1/g, FLUX)
          .replace(/environment: dev/g, 'environment: qa'),
      );
    }
    sim = await createSimulatorServer({
      getWorld: () => worldFromGitOpsRepo(dir.path, LAYOUT),
    });
  });
  afterEach(() => sim.close());

  const get = async (path: string) => {
    const res = await fetch(`${sim.url}/k8s/${path}`, { headers: k8sAuth });
    return { status: res.status, body: await res.json() };
  };
  const kustomizations = `${FLUX}/apis/kustomize.toolkit.fluxcd.io/v1/kustomizations`;
  const helmReleases = `${FLUX}/apis/helm.toolkit.fluxcd.io/v2/helmreleases`;

  it('puts the Flux cluster in the world with its folders, and no Argo CD application for them', () => {
    const world = worldFromGitOpsRepo(dir.path, LAYOUT);
    const cluster = world.clusters.find(c => c.name === FLUX)!;
    expect(cluster.gitopsEngine).toBe('flux');
    expect(cluster.namespaces.map(n => n.name)).toEqual([
      'kube-system',
      'flux-system',
      'monitoring',
      'checkout-qa',
      'checkout-vc-preview-qa',
      'payments-qa',
    ]);
    const apps = world.argocd.flatMap(i => i.applications);
    expect(apps.length).toBeGreaterThan(0);
    expect(apps.filter(a => a.destination.name === FLUX)).toEqual([]);
    // The other clusters keep Argo CD.
    expect(
      world.clusters.find(c => c.name === 'nonprod-eu-1')!.gitopsEngine,
    ).toBeUndefined();
  });

  it('serves the platform Kustomizations in flux-system, valid against the Kustomization CRD', async () => {
    const { status, body } = await get(kustomizations);
    expect(status).toBe(200);
    expect(validateCustomResourceList(KUSTOMIZATION_CRD, 'v1', body)).toEqual(
      [],
    );
    expect(body.items.map((k: any) => k.metadata.name)).toEqual([
      'flux-system',
      'tenancy-checkout-qa',
      'tenancy-cluster-roles',
      'tenancy-payments-qa',
    ]);
    const checkout = body.items.find(
      (k: any) => k.metadata.name === 'tenancy-checkout-qa',
    );
    expect(checkout.metadata).toMatchObject({
      namespace: 'flux-system',
      labels: {
        'tenancy.io/tenant': 'checkout',
        'tenancy.io/environment': 'qa',
      },
    });
    expect(checkout.spec).toMatchObject({
      path: './tenants/checkout/qa',
      sourceRef: { kind: 'GitRepository', name: 'tenancy-platform' },
      prune: true,
      wait: true,
    });
    expect(checkout.status.lastAttemptedRevision).toMatch(
      /^main@sha1:[0-9a-f]{40}$/,
    );
    expect(checkout.status.conditions.map((c: any) => c.type)).toContain(
      'Ready',
    );
    expect(checkout.status.inventory.entries).toEqual(
      expect.arrayContaining([
        { id: '_checkout-qa__Namespace', v: 'v1' },
        { id: 'checkout-qa_tenant-quota__ResourceQuota', v: 'v1' },
      ]),
    );
    // The same in the namespaced form; none elsewhere.
    const inNs = await get(
      `${FLUX}/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/flux-system/kustomizations`,
    );
    expect(inNs.body.items).toEqual(body.items);
    const elsewhere = await get(
      `${FLUX}/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/checkout-qa/kustomizations`,
    );
    expect(elsewhere.body.items).toEqual([]);
  });

  it('pages with limit and continue, and filters by labelSelector', async () => {
    const first = await get(`${kustomizations}?limit=3`);
    expect(first.body.items).toHaveLength(3);
    expect(first.body.metadata.remainingItemCount).toBe(1);
    const next = await get(
      `${kustomizations}?limit=3&continue=${first.body.metadata.continue}`,
    );
    expect(next.body.items.map((k: any) => k.metadata.name)).toEqual([
      'tenancy-payments-qa',
    ]);
    expect(next.body.metadata.continue).toBeUndefined();
    const selected = await get(
      `${kustomizations}?labelSelector=tenancy.io/tenant=payments`,
    );
    expect(selected.body.items.map((k: any) => k.metadata.name)).toEqual([
      'tenancy-payments-qa',
    ]);
  });

  it('spreads the states stably over many tenants: Ready, Progressing, failed health checks or builds, suspended', async () => {
    for (let i = 0; i < 60; i++) {
      addNamespaceFolder(dir.path, `team${i}`, `team${i}-qa`);
    }
    const { body } = await get(kustomizations);
    expect(validateCustomResourceList(KUSTOMIZATION_CRD, 'v1', body)).toEqual(
      [],
    );
    const reasons = new Set(
      body.items.flatMap((k: any) =>
        k.status.conditions
          .filter((c: any) => c.type === 'Ready')
          .map((c: any) => `${c.status}/${c.reason}`),
      ),
    );
    expect([...reasons].sort()).toEqual([
      'False/BuildFailed',
      'False/HealthCheckFailed',
      'True/ReconciliationSucceeded',
      'Unknown/Progressing',
    ]);
    expect(body.items.some((k: any) => k.spec.suspend === true)).toBe(true);
    const again = await get(kustomizations);
    expect(again.body).toEqual(body);
  });

  it('reports a tenant and environment merged after the first list as Ready', async () => {
    for (let i = 0; i < 30; i++) {
      addNamespaceFolder(dir.path, `team${i}`, `team${i}-qa`);
    }
    const before = await get(kustomizations);
    const notReady = before.body.items.filter(
      (k: any) =>
        k.status.conditions.find((c: any) => c.type === 'Ready')?.status !==
        'True',
    );
    expect(notReady.length).toBeGreaterThan(0);
    // The same tenants under new names, merged while the simulators run.
    for (let i = 0; i < 30; i++) {
      addNamespaceFolder(dir.path, `later${i}`, `later${i}-qa`);
    }
    const after = await get(kustomizations);
    const fresh = after.body.items.filter((k: any) =>
      k.metadata.name.startsWith('tenancy-later'),
    );
    expect(fresh).toHaveLength(30);
    for (const k of fresh) {
      expect(k.spec.suspend).toBeUndefined();
      expect(k.status.conditions).toEqual([
        expect.objectContaining({
          type: 'Ready',
          status: 'True',
          reason: 'ReconciliationSucceeded',
        }),
      ]);
    }
  });

  it("serves a namespace folder's Flux delivery Kustomization in its namespace, valid against the Kustomization CRD", async () => {
    addDelivery(dir.path, 'checkout', 'checkout-qa');
    addDelivery(dir.path, 'payments', 'payments-qa', {
      url: 'oci://registry.acme.internal/payments/apps',
      tag: 'v1.4.0',
      name: 'payments-apps',
      path: './deploy',
    });
    const { status, body } = await get(kustomizations);
    expect(status).toBe(200);
    expect(validateCustomResourceList(KUSTOMIZATION_CRD, 'v1', body)).toEqual(
      [],
    );
    expect(
      body.items.map((k: any) => `${k.metadata.namespace}/${k.metadata.name}`),
    ).toEqual(
      expect.arrayContaining([
        'flux-system/flux-system',
        'flux-system/tenancy-checkout-qa',
        'flux-system/tenancy-cluster-roles',
        'flux-system/tenancy-payments-qa',
        'checkout-qa/tenant-apps',
        'payments-qa/payments-apps',
      ]),
    );
    expect(body.items).toHaveLength(6);

    // In its own namespace, with the folder's spec.
    const inNs = await get(
      `${FLUX}/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/checkout-qa/kustomizations`,
    );
    expect(inNs.status).toBe(200);
    expect(
      validateCustomResourceList(KUSTOMIZATION_CRD, 'v1', inNs.body),
    ).toEqual([]);
    expect(inNs.body.items).toHaveLength(1);
    const [delivery] = inNs.body.items;
    expect(delivery).toEqual(
      body.items.find((k: any) => k.metadata.namespace === 'checkout-qa'),
    );
    expect(delivery.metadata).toMatchObject({
      name: 'tenant-apps',
      namespace: 'checkout-qa',
      labels: {
        'tenancy.io/tenant': 'checkout',
        // Applied by the platform's Kustomization of the folder.
        'kustomize.toolkit.fluxcd.io/name': 'tenancy-checkout-qa',
        'kustomize.toolkit.fluxcd.io/namespace': 'flux-system',
      },
    });
    expect(delivery.spec).toMatchObject({
      sourceRef: { kind: 'GitRepository', name: 'tenant-apps' },
      targetNamespace: 'checkout-qa',
      serviceAccountName: 'tenancy-reconciler',
      path: './',
      prune: true,
      wait: true,
    });
    expect(readyOf(delivery)).toBeDefined();
    expect(delivery.status.lastAttemptedRevision).toMatch(
      /^main@sha1:[0-9a-f]{40}$/,
    );
    expect(delivery.status.inventory ?? { entries: [] }).toEqual({
      entries: [],
    });

    // An OCI source: its tag and a sha256 digest.
    const oci = await get(
      `${FLUX}/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/payments-qa/kustomizations`,
    );
    expect(oci.body.items).toHaveLength(1);
    expect(oci.body.items[0].spec).toMatchObject({
      sourceRef: { kind: 'OCIRepository', name: 'payments-apps' },
      targetNamespace: 'payments-qa',
      path: './deploy',
    });
    expect(oci.body.items[0].status.lastAttemptedRevision).toMatch(
      /^v1\.4\.0@sha256:[0-9a-f]{64}$/,
    );

    // flux-system keeps the platform's only; the platform's Kustomization
    // of the folder lists the delivery in its inventory.
    const platform = await get(
      `${FLUX}/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/flux-system/kustomizations`,
    );
    expect(platform.body.items.map((k: any) => k.metadata.name)).toEqual([
      'flux-system',
      'tenancy-checkout-qa',
      'tenancy-cluster-roles',
      'tenancy-payments-qa',
    ]);
    const checkout = platform.body.items.find(
      (k: any) => k.metadata.name === 'tenancy-checkout-qa',
    );
    expect(checkout.status.inventory.entries).toEqual(
      expect.arrayContaining([
        { id: 'checkout-qa_tenancy-reconciler__ServiceAccount', v: 'v1' },
        {
          id: 'checkout-qa_tenancy-reconciler-tenancy-tenant_rbac.authorization.k8s.io_RoleBinding',
          v: 'v1',
        },
        {
          id: 'checkout-qa_tenant-apps_source.toolkit.fluxcd.io_GitRepository',
          v: 'v1',
        },
        {
          id: 'checkout-qa_tenant-apps_kustomize.toolkit.fluxcd.io_Kustomization',
          v: 'v1',
        },
      ]),
    );
    // A delivery is no HelmRelease.
    expect((await get(helmReleases)).body.items).toHaveLength(1);
  });

  it("keeps a delivery's status stable per namespace and name, mostly Ready", async () => {
    for (let i = 0; i < 40; i++) {
      addNamespaceFolder(dir.path, `team${i}`, `team${i}-qa`);
      addDelivery(dir.path, `team${i}`, `team${i}-qa`);
    }
    const { body } = await get(kustomizations);
    expect(validateCustomResourceList(KUSTOMIZATION_CRD, 'v1', body)).toEqual(
      [],
    );
    const deliveries = body.items.filter(
      (k: any) => k.metadata.namespace !== 'flux-system',
    );
    expect(deliveries).toHaveLength(40);
    const ready = deliveries.filter((k: any) => readyOf(k).status === 'True');
    expect(ready.length).toBeGreaterThan(deliveries.length / 2);
    expect(ready.length).toBeLessThan(deliveries.length);
    for (const k of ready) {
      expect(readyOf(k)).toMatchObject({
        reason: 'ReconciliationSucceeded',
        message: `Applied revision: ${k.status.lastAppliedRevision}`,
      });
      expect(k.status.lastAppliedRevision).toMatch(/^main@sha1:[0-9a-f]{40}$/);
    }
    // Not the platform Kustomization's status under another namespace.
    const delivery = deliveries.find(
      (k: any) => k.metadata.namespace === 'team0-qa',
    );
    const platform = body.items.find(
      (k: any) => k.metadata.name === 'tenancy-team0-qa',
    );
    expect(delivery.metadata.uid).not.toBe(platform.metadata.uid);
    expect(delivery.status.lastAttemptedRevision).not.toBe(
      platform.status.lastAttemptedRevision,
    );
    for (const k of deliveries.filter(
      (d: any) => readyOf(d).reason === 'HealthCheckFailed',
    )) {
      expect(readyOf(k).message).toContain(
        `Deployment/${k.metadata.namespace}/tenant-apps`,
      );
    }
    const again = await get(kustomizations);
    expect(again.body).toEqual(body);
  });

  it('reports a delivery merged after the first list as Ready', async () => {
    for (let i = 0; i < 30; i++) {
      addNamespaceFolder(dir.path, `team${i}`, `team${i}-qa`);
    }
    await get(kustomizations);
    // Deliveries merged into the folders while the simulators run.
    for (let i = 0; i < 30; i++) {
      addDelivery(dir.path, `team${i}`, `team${i}-qa`);
    }
    const after = await get(kustomizations);
    const fresh = after.body.items.filter(
      (k: any) => k.metadata.name === 'tenant-apps',
    );
    expect(fresh).toHaveLength(30);
    for (const k of fresh) {
      expect(k.spec.suspend).toBeUndefined();
      expect(k.status.conditions).toEqual([
        expect.objectContaining({
          type: 'Ready',
          status: 'True',
          reason: 'ReconciliationSucceeded',
        }),
      ]);
    }
    // The same folders on a server that lists them first: not all Ready.
    const other = await createSimulatorServer({
      getWorld: () => worldFromGitOpsRepo(dir.path, LAYOUT),
    });
    try {
      const res = await fetch(`${other.url}/k8s/${kustomizations}`, {
        headers: k8sAuth,
      });
      const items = (await res.json()).items.filter(
        (k: any) => k.metadata.name === 'tenant-apps',
      );
      expect(items).toHaveLength(30);
      expect(items.some((k: any) => readyOf(k).status !== 'True')).toBe(true);
    } finally {
      await other.close();
    }
  });

  it("serves a vCluster folder's chart as a HelmRelease, valid against the HelmRelease CRD", async () => {
    const { status, body } = await get(helmReleases);
    expect(status).toBe(200);
    expect(validateCustomResourceList(HELMRELEASE_CRD, 'v2', body)).toEqual([]);
    expect(body.items).toHaveLength(1);
    expect(body.items[0].metadata).toMatchObject({
      name: 'checkout-vc-preview-qa',
      namespace: 'checkout-vc-preview-qa',
    });
    expect(body.items[0].spec.chart.spec).toMatchObject({
      chart: 'vcluster',
      version: '0.36.1',
    });
    expect(body.items[0].status.history[0]).toMatchObject({
      chartName: 'vcluster',
      chartVersion: '0.36.1',
    });
    const inNs = await get(
      `${FLUX}/apis/helm.toolkit.fluxcd.io/v2/namespaces/checkout-qa/helmreleases`,
    );
    expect(inNs.body.items).toEqual([]);
  });

  it.each([
    'kustomize.toolkit.fluxcd.io/v1/kustomizations',
    'kustomize.toolkit.fluxcd.io/v1/namespaces/flux-system/kustomizations',
    'helm.toolkit.fluxcd.io/v2/helmreleases',
    'kustomize.toolkit.fluxcd.io/v1',
  ])('answers 404 on an Argo CD cluster, without the CRDs: %s', async path => {
    const { status, body } = await get(`nonprod-eu-1/apis/${path}`);
    expect(status).toBe(404);
    expect(body).toMatchObject({ kind: 'Status', reason: 'NotFound' });
    expect(
      validateUpstreamResponse(
        'kubernetes',
        'io.k8s.apimachinery.pkg.apis.meta.v1.Status',
        body,
      ),
    ).toEqual([]);
  });

  it('serves discovery of the Flux groups on the Flux cluster', async () => {
    const { status, body } = await get(
      `${FLUX}/apis/kustomize.toolkit.fluxcd.io/v1`,
    );
    expect(status).toBe(200);
    expect(body.resources).toEqual([
      expect.objectContaining({
        name: 'kustomizations',
        kind: 'Kustomization',
      }),
    ]);
  });

  it('follows the flux control: absent (404), forbidden (403), malformed (breaks the CRD)', async () => {
    Object.assign(
      sim.controls,
      validControls({
        flux: {
          [FLUX]: {
            absent: ['helm.toolkit.fluxcd.io'],
            forbidden: [],
            malformed: ['kustomize.toolkit.fluxcd.io'],
          },
        },
      }),
    );
    expect((await get(helmReleases)).status).toBe(404);
    const malformed = await get(kustomizations);
    expect(malformed.status).toBe(200);
    expect(
      validateCustomResourceList(KUSTOMIZATION_CRD, 'v1', malformed.body),
    ).not.toEqual([]);
    sim.controls.flux = {
      [FLUX]: { forbidden: ['kustomize.toolkit.fluxcd.io'] },
    };
    const forbidden = await get(kustomizations);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({
      kind: 'Status',
      reason: 'Forbidden',
    });
    expect(() =>
      validControls({
        flux: { [FLUX]: { broken: ['helm.toolkit.fluxcd.io'] } },
      }),
    ).toThrow(
      'flux.nonprod-eu-2.broken must be absent, forbidden or malformed',
    );
    expect(() =>
      validControls({
        flux: { [FLUX]: { absent: ['source.toolkit.fluxcd.io'] } },
      }),
    ).toThrow('flux.nonprod-eu-2.absent[0] must be one of');
  });

  it('takes the Flux clusters from tenancy.policy.clusters.<cluster>.engine', () => {
    const options = readSimulatorOptions(
      mockServices.rootConfig({
        data: {
          tenancy: {
            policy: {
              clusters: {
                [FLUX]: { engine: 'flux' },
                'nonprod-eu-1': { engine: 'argocd' },
              },
            },
          },
          tenancySimulators: {
            port: 0,
            gitopsRepo: dir.path,
            argocd: [],
            cost: [],
          },
        },
      }),
    );
    expect(options.layout.fluxClusters).toEqual([FLUX]);
  });
});
