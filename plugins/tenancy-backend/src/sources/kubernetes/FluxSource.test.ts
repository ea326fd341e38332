import { registerMswTestHooks } from '@backstage/backend-test-utils';
import Ajv from 'ajv';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { kubernetesBackendClientAt } from '../../__testUtils__/kubernetesBackendClientAt';
import { mockServices } from '@backstage/backend-test-utils';
import { FluxSource } from './FluxSource';
import { KubernetesClusters } from './KubernetesClusters';

const server = setupServer();
registerMswTestHooks(server);

const BASE = 'http://backstage.example.com/api/kubernetes';
const KUSTOMIZATIONS = `${BASE}/proxy/apis/kustomize.toolkit.fluxcd.io/v1/kustomizations`;
const HELMRELEASES = `${BASE}/proxy/apis/helm.toolkit.fluxcd.io/v2/helmreleases`;
const client = () =>
  kubernetesBackendClientAt(BASE, {
    timeoutMs: 1000,
    retries: 0,
    backoffMs: 1,
  });

// Lists as the API server sends them: the Flux contract examples
// (`../shared/contracts/flux/examples/*-list.DERIVED.json`), objects of the
// v1 Kustomization and v2 HelmRelease CRDs.
const fixture = (name: string) =>
  JSON.parse(readFileSync(resolve(__dirname, '__fixtures__', name), 'utf8'));
const kustomizations = () => fixture('flux-kustomization-list.json');
const helmReleases = () => fixture('flux-helmrelease-list.json');

/** The served storage version's schema of a CRD of `contracts/flux/crds/`. */
function crdValidator(file: string) {
  const crd = parse(
    readFileSync(
      resolve(__dirname, '../../../../../contracts/flux/crds', file),
      'utf8',
    ),
  );
  const version = crd.spec.versions.find((v: any) => v.storage);
  return new Ajv({ strict: false, validateFormats: false }).compile(
    version.schema.openAPIV3Schema,
  );
}

/** The platform's Kustomization of a tenant and environment (renderFluxBootstrap). */
const platformKustomization = (tenant: string, environment: string) => ({
  apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
  kind: 'Kustomization',
  metadata: {
    name: `tenancy-${tenant}-${environment}`,
    namespace: 'flux-system',
    generation: 3,
    labels: {
      'tenancy.io/tenant': tenant,
      'tenancy.io/environment': environment,
    },
  },
  spec: {
    interval: '5m',
    path: `./tenants/${tenant}/${environment}`,
    prune: true,
    wait: true,
    serviceAccountName: 'kustomize-controller',
    sourceRef: { kind: 'GitRepository', name: 'tenancy-platform' },
  },
  status: {
    observedGeneration: 3,
    lastAppliedRevision: 'main@sha1:1111111111111111111111111111111111111111',
    conditions: [
      {
        type: 'Ready',
        status: 'False',
        reason: 'HealthCheckFailed',
        message: 'health check failed after 30s',
        lastTransitionTime: '2026-12-03T10:00:00Z',
        observedGeneration: 3,
      },
    ],
  },
});

/** Serves both lists; counts the calls of each path. */
function serve(
  lists: { kustomizations?: any; helmReleases?: any } = {},
  calls: string[] = [],
) {
  server.use(
    http.get(KUSTOMIZATIONS, ({ request }) => {
      calls.push(request.url);
      return HttpResponse.json(lists.kustomizations ?? kustomizations());
    }),
    http.get(HELMRELEASES, ({ request }) => {
      calls.push(request.url);
      return HttpResponse.json(lists.helmReleases ?? helmReleases());
    }),
  );
  return calls;
}

describe('FluxSource', () => {
  it('has fixtures the Flux CRDs accept', () => {
    const kustomization = crdValidator(
      'kustomize.toolkit.fluxcd.io_kustomizations.yaml',
    );
    const helmRelease = crdValidator(
      'helm.toolkit.fluxcd.io_helmreleases.yaml',
    );
    for (const item of [
      ...kustomizations().items,
      platformKustomization('payments', 'qa'),
    ]) {
      expect([item.metadata.name, kustomization(item)]).toEqual([
        item.metadata.name,
        true,
      ]);
    }
    for (const item of helmReleases().items) {
      expect([item.metadata.name, helmRelease(item)]).toEqual([
        item.metadata.name,
        true,
      ]);
    }
    // v2 has no status.lastAppliedRevision: the CRD refuses nothing extra
    // in status, but its schema does not define it.
    const crd = parse(
      readFileSync(
        resolve(
          __dirname,
          '../../../../../contracts/flux/crds/helm.toolkit.fluxcd.io_helmreleases.yaml',
        ),
        'utf8',
      ),
    );
    const status = crd.spec.versions.find((v: any) => v.storage).schema
      .openAPIV3Schema.properties.status.properties;
    expect(status.lastAppliedRevision).toBeUndefined();
    expect(status.history).toBeDefined();
    expect(status.lastAttemptedRevision).toBeDefined();
  });

  it('reads each Kustomization and HelmRelease: Ready condition, revision, suspension and where it deploys', async () => {
    const calls = serve();
    const snapshot = await new FluxSource('nonprod-eu-2', client()).fetch();
    expect(calls).toHaveLength(2);
    expect(snapshot.cluster).toBe('nonprod-eu-2');
    const byName = (kind: string, namespace: string, name: string) =>
      snapshot.reconcilers.find(
        r => r.kind === kind && r.namespace === namespace && r.name === name,
      );
    expect(byName('Kustomization', 'flux-system', 'flux-system')).toEqual({
      engine: 'flux',
      kind: 'Kustomization',
      cluster: 'nonprod-eu-2',
      name: 'flux-system',
      namespace: 'flux-system',
      state: 'ready',
      revision: 'main@sha1:696f056df216eea4f9401adbee0ff744d4df390f',
      message:
        'Applied revision: main@sha1:696f056df216eea4f9401adbee0ff744d4df390f',
      lastTransitionAt: '2021-08-01T04:52:56Z',
    });
    // spec.suspend wins over a Ready=True kept from before.
    expect(byName('Kustomization', 'flux-system', 'apps')).toMatchObject({
      state: 'suspended',
      targetNamespace: 'apps',
    });
    // Waiting on a dependency (Ready False, DependencyNotReady), and
    // reconciling (Ready Unknown): progressing, not failed.
    expect(byName('Kustomization', 'webapp', 'backend')).toMatchObject({
      state: 'progressing',
      revision: undefined,
    });
    expect(byName('Kustomization', 'webapp', 'backend')?.targetNamespace).toBe(
      undefined,
    );
    expect(byName('Kustomization', 'flux-system', 'podinfo')?.state).toBe(
      'progressing',
    );
    // HelmRelease v2: the chart version of history[0], not a
    // lastAppliedRevision; its own namespace when no targetNamespace.
    expect(byName('HelmRelease', 'podinfo', 'podinfo')).toMatchObject({
      state: 'ready',
      revision: '6.6.1+0cc9a8446c95',
      targetNamespace: 'podinfo',
    });
    expect(byName('HelmRelease', 'default', 'podinfo')).toMatchObject({
      state: 'failed',
      revision: '6.5.3',
      targetNamespace: 'default',
    });
    expect(byName('HelmRelease', 'default', 'podinfo')?.message).toMatch(
      /test/i,
    );
    // Suspended, no history: the revision last attempted.
    expect(byName('HelmRelease', 'apps', 'podinfo')).toMatchObject({
      state: 'suspended',
      revision: '6.3.5',
    });
  });

  it("maps the platform's flux-system/tenancy-<tenant>-<environment> to its tenant and environment, and no other", async () => {
    const list = kustomizations();
    const mislabelled = platformKustomization('search', 'dev');
    mislabelled.metadata.labels['tenancy.io/environment'] = 'prod';
    list.items.push(platformKustomization('payments', 'qa'), mislabelled);
    serve({ kustomizations: list });
    const { reconcilers } = await new FluxSource('c', client()).fetch();
    expect(
      reconcilers.find(r => r.name === 'tenancy-payments-qa'),
    ).toMatchObject({
      platform: { tenant: 'payments', environment: 'qa' },
      state: 'failed',
      message: 'health check failed after 30s',
    });
    expect(
      reconcilers.find(r => r.name === 'tenancy-search-dev')?.platform,
    ).toBeUndefined();
  });

  it('pages through each list, 500 items a call, following continue', async () => {
    const first = kustomizations();
    const second = kustomizations();
    first.metadata.continue = 'page-2';
    second.items = [platformKustomization('payments', 'qa')];
    const seen: URL[] = [];
    server.use(
      http.get(KUSTOMIZATIONS, ({ request }) => {
        const url = new URL(request.url);
        seen.push(url);
        return HttpResponse.json(
          url.searchParams.get('continue') === 'page-2' ? second : first,
        );
      }),
      http.get(HELMRELEASES, () => HttpResponse.json(helmReleases())),
    );
    const { reconcilers } = await new FluxSource('c', client()).fetch();
    expect(seen.map(u => u.searchParams.get('limit'))).toEqual(['500', '500']);
    expect(seen.map(u => u.searchParams.get('continue'))).toEqual([
      null,
      'page-2',
    ]);
    expect(reconcilers.filter(r => r.kind === 'Kustomization')).toHaveLength(6);
    expect(reconcilers.filter(r => r.kind === 'HelmRelease')).toHaveLength(3);
  });

  it('fails on a cluster without the Flux CRDs (404), naming the list', async () => {
    serve();
    server.use(
      http.get(HELMRELEASES, () =>
        HttpResponse.json(
          {
            kind: 'Status',
            apiVersion: 'v1',
            status: 'Failure',
            message: 'the server could not find the requested resource',
            reason: 'NotFound',
            code: 404,
          },
          { status: 404 },
        ),
      ),
    );
    await expect(new FluxSource('c', client()).fetch()).rejects.toThrow(
      /^HTTP 404 from \/api\/kubernetes\/proxy\/apis\/helm\.toolkit\.fluxcd\.io\/v2\/helmreleases/,
    );
  });

  it('fails when the reader may not list kustomizations (403)', async () => {
    serve();
    server.use(
      http.get(KUSTOMIZATIONS, () =>
        HttpResponse.json(
          {
            kind: 'Status',
            apiVersion: 'v1',
            status: 'Failure',
            message:
              'kustomizations.kustomize.toolkit.fluxcd.io is forbidden: User "system:serviceaccount:backstage:backstage-tenancy" cannot list resource "kustomizations" in API group "kustomize.toolkit.fluxcd.io" at the cluster scope',
            reason: 'Forbidden',
            code: 403,
          },
          { status: 403 },
        ),
      ),
    );
    await expect(new FluxSource('c', client()).fetch()).rejects.toThrow(
      /^HTTP 403 from .*kustomizations.*cannot list resource "kustomizations"/,
    );
  });

  it('names a malformed object and its field', async () => {
    const list = kustomizations();
    list.items[3].status.conditions[0].status = 'Maybe';
    serve({ kustomizations: list });
    await expect(new FluxSource('c', client()).fetch()).rejects.toThrow(
      /^malformed Kustomization webapp\/backend: status\.conditions\.0\.status: /,
    );
  });
});

describe('KubernetesClusters with Flux', () => {
  it('gives a Flux source to the Flux clusters only', async () => {
    server.use(
      http.get(`${BASE}/clusters`, () =>
        HttpResponse.json({
          items: [{ name: 'prod-eu-1' }, { name: 'nonprod-eu-2' }],
        }),
      ),
    );
    const clusters = new KubernetesClusters(
      client(),
      mockServices.logger.mock(),
      {
        policyReports: false,
        engineOf: cluster => (cluster === 'nonprod-eu-2' ? 'flux' : 'argocd'),
      },
    );
    const ids = (await clusters.sources([])).map(s => s.id);
    expect(ids.filter(id => id.startsWith('flux:'))).toEqual([
      'flux:nonprod-eu-2',
    ]);
    expect(ids).toContain('kubernetes:prod-eu-1');
  });
});
