import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { contractYaml } from '../../__testUtils__/contractYaml';
import { kubernetesBackendClientAt } from '../../__testUtils__/kubernetesBackendClientAt';
import { PolicySource } from './PolicySource';

const server = setupServer();
registerMswTestHooks(server);

const BASE = 'http://backstage.example.com/api/kubernetes';
const PROXY = `${BASE}/proxy/apis`;
const source = () =>
  new PolicySource(
    'prod-eu-1',
    kubernetesBackendClientAt(BASE, {
      timeoutMs: 1000,
      retries: 0,
      backoffMs: 1,
    }),
  );

const kyvernoDocs = 'policy-reports/examples/kyverno-docs';
const list = (items: unknown[], extra: object = {}) =>
  HttpResponse.json({
    apiVersion: 'v1',
    kind: 'List',
    metadata: {},
    items,
    ...extra,
  });
/** What the API server answers for a resource it does not serve. */
const notFound = () =>
  HttpResponse.json(
    {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'the server could not find the requested resource',
      reason: 'NotFound',
      details: {},
      code: 404,
    },
    { status: 404 },
  );

/** Serves the given lists by path under /apis; every other report or discovery path is not installed. */
function serve(lists: Record<string, () => Response>) {
  server.use(
    http.get(`${PROXY}/*`, ({ request }) => {
      const path = new URL(request.url).pathname.slice(
        '/api/kubernetes/proxy/apis/'.length,
      );
      return (lists[path] ?? notFound)();
    }),
  );
}

describe('PolicySource', () => {
  it("maps Kyverno's wgpolicyk8s reports to namespaces by their scope, worst first", async () => {
    const [vapList] = contractYaml(
      `${kyvernoDocs}/policyreport-list.vap-check-deployment-replicas.yaml`,
    );
    const [podReport] = contractYaml(
      `${kyvernoDocs}/policyreport.pod-kube-apiserver.yaml`,
    );
    serve({
      'wgpolicyk8s.io/v1alpha2/policyreports': () =>
        list([...vapList.items, podReport]),
      'wgpolicyk8s.io/v1alpha2/clusterpolicyreports': () => list([]),
    });
    const snapshot = await source().fetch();
    expect(snapshot.groups).toEqual(['wgpolicyk8s.io/v1alpha2']);
    expect(Object.keys(snapshot.namespaces).sort()).toEqual([
      'kube-system',
      'staging-ns',
    ]);
    const staging = snapshot.namespaces['staging-ns'];
    expect(staging.counts).toEqual({
      pass: 1,
      fail: 1,
      warn: 0,
      error: 0,
      skip: 0,
    });
    expect(staging.findings).toEqual([
      {
        policy: 'check-deployment-replicas',
        result: 'fail',
        message: 'failed expression: object.spec.replicas <= 5',
        source: 'ValidatingAdmissionPolicy',
        resource: {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: 'deployment-3',
          namespace: 'staging-ns',
          uid: '0b2d730e-cbc3-4eab-8f3b-ad106ea5d559',
        },
        timestamp: '2024-01-25T11:55:23.000Z',
      },
    ]);
    const kubeSystem = snapshot.namespaces['kube-system'];
    // The extract keeps two of the report's results (the rest is "# ...").
    expect(kubeSystem.counts).toMatchObject({ pass: 1, fail: 1 });
    expect(kubeSystem.findings[0]).toMatchObject({
      policy: 'disallow-host-namespaces',
      rule: 'host-namespaces',
      severity: 'medium',
      category: 'Pod Security Standards (Baseline)',
      source: 'kyverno',
      resource: { kind: 'Pod', name: 'kube-apiserver-kind-control-plane' },
    });
  });

  it('reads OpenReports when the wgpolicyk8s CRDs are absent, and cluster reports about a Namespace', async () => {
    const [reportList] = contractYaml(
      `${kyvernoDocs}/report-list.openreports-require-app-label.yaml`,
    );
    const [, falcoCluster] = contractYaml(
      'policy-reports/examples/wg-policy-prototypes/sample-falco-policy.yaml',
    );
    const aboutNamespace = {
      ...falcoCluster,
      apiVersion: 'openreports.io/v1alpha1',
      kind: 'ClusterReport',
      results: [
        {
          ...falcoCluster.results[0],
          resources: [
            { apiVersion: 'v1', kind: 'Namespace', name: 'payments-prod' },
          ],
        },
      ],
    };
    serve({
      'openreports.io/v1alpha1/reports': () => list(reportList.items),
      'openreports.io/v1alpha1/clusterreports': () =>
        list([falcoCluster, aboutNamespace]),
    });
    const snapshot = await source().fetch();
    expect(snapshot.groups).toEqual(['openreports.io/v1alpha1']);
    // The doc's Report has no metadata.namespace: its scope names it.
    expect(snapshot.namespaces.default.findings[0]).toMatchObject({
      policy: 'default/require-app-label',
      rule: 'check-app-label',
      result: 'fail',
      resource: { kind: 'Pod', name: 'example-deployment-c94dc9f47-dfq6l' },
    });
    // The Falco cluster result about the API server belongs to no namespace.
    expect(Object.keys(snapshot.namespaces).sort()).toEqual([
      'default',
      'payments-prod',
    ]);
    expect(snapshot.namespaces['payments-prod'].findings).toEqual([
      expect.objectContaining({
        policy: 'audit',
        source: 'unknown',
        resource: {
          apiVersion: 'v1',
          kind: 'Namespace',
          name: 'payments-prod',
        },
      }),
    ]);
  });

  it('reads Gatekeeper audit violations through discovery', async () => {
    const [constraint] = contractYaml(
      'gatekeeper/examples/constraint-with-status.ns-must-have-gk.yaml',
    );
    serve({
      'constraints.gatekeeper.sh/v1beta1': () =>
        HttpResponse.json({
          kind: 'APIResourceList',
          apiVersion: 'v1',
          groupVersion: 'constraints.gatekeeper.sh/v1beta1',
          resources: [
            {
              name: 'k8srequiredlabels',
              singularName: 'k8srequiredlabels',
              namespaced: false,
              kind: 'K8sRequiredLabels',
              verbs: ['get', 'list'],
            },
            {
              name: 'k8srequiredlabels/status',
              singularName: '',
              namespaced: false,
              kind: 'K8sRequiredLabels',
              verbs: ['get'],
            },
          ],
        }),
      'constraints.gatekeeper.sh/v1beta1/k8srequiredlabels': () =>
        list([constraint]),
    });
    const snapshot = await source().fetch();
    expect(snapshot.groups).toEqual(['constraints.gatekeeper.sh/v1beta1']);
    expect(snapshot.namespaces['kube-system']).toEqual({
      counts: { pass: 0, fail: 1, warn: 0, error: 0, skip: 0 },
      findings: [
        {
          policy: 'K8sRequiredLabels/ns-must-have-gk',
          result: 'fail',
          message: 'you must provide labels: {"gatekeeper"}',
          source: 'gatekeeper',
          resource: {
            apiVersion: 'v1',
            kind: 'Namespace',
            name: 'kube-system',
          },
        },
      ],
      omitted: 0,
    });
  });

  it('lists 50 findings per namespace, worst first, and counts the rest as omitted', async () => {
    const outcome = (i: number) => {
      if (i === 59) return 'error';
      return i % 2 ? 'warn' : 'fail';
    };
    const results = Array.from({ length: 60 }, (_, i) => ({
      policy: `policy-${String(i).padStart(2, '0')}`,
      result: outcome(i),
      severity: i === 58 ? 'critical' : undefined,
      message: `result ${i}`,
      source: 'kyverno',
    }));
    serve({
      'wgpolicyk8s.io/v1alpha2/policyreports': () =>
        list([{ metadata: { name: 'r', namespace: 'big' }, results }]),
      'wgpolicyk8s.io/v1alpha2/clusterpolicyreports': () => list([]),
    });
    const big = (await source().fetch()).namespaces.big;
    expect(big.counts).toMatchObject({ fail: 30, warn: 29, error: 1 });
    expect(big.findings).toHaveLength(50);
    expect(big.omitted).toBe(10);
    expect(big.findings.slice(0, 3).map(f => f.policy)).toEqual([
      'policy-59', // error
      'policy-58', // fail, critical
      'policy-00', // fail
    ]);
    expect(big.findings[49].result).toBe('warn');
  });

  it('pages through reports with continue tokens', async () => {
    const report = (n: number) => ({
      metadata: { name: `r${n}`, namespace: `ns-${n}` },
      results: [{ policy: 'p', result: 'pass' }],
    });
    const pages: string[] = [];
    serve({
      'wgpolicyk8s.io/v1alpha2/policyreports': () => list([]),
      'wgpolicyk8s.io/v1alpha2/clusterpolicyreports': () => list([]),
    });
    server.use(
      http.get(`${PROXY}/openreports.io/v1alpha1/reports`, ({ request }) => {
        const next = new URL(request.url).searchParams.get('continue');
        pages.push(new URL(request.url).search);
        return next
          ? list([report(2)])
          : list([report(1)], { metadata: { continue: 'page-2' } });
      }),
    );
    const snapshot = await source().fetch();
    expect(pages).toEqual(['?limit=500', '?limit=500&continue=page-2']);
    expect(snapshot.groups).toEqual([
      'openreports.io/v1alpha1',
      'wgpolicyk8s.io/v1alpha2',
    ]);
    expect(Object.keys(snapshot.namespaces).sort()).toEqual(['ns-1', 'ns-2']);
  });

  it('fails with a clear message when no engine reports on the cluster', async () => {
    serve({});
    await expect(source().fetch()).rejects.toThrow(
      'no policy report CRDs (wgpolicyk8s.io/v1alpha2, openreports.io/v1alpha1) and no Gatekeeper constraints (constraints.gatekeeper.sh/v1beta1) on cluster prod-eu-1',
    );
  });

  it('names the field of a malformed report', async () => {
    serve({
      'wgpolicyk8s.io/v1alpha2/policyreports': () =>
        list([
          {
            metadata: { name: 'r', namespace: 'x' },
            results: [{ policy: 'p', result: 'failed' }],
          },
        ]),
      'wgpolicyk8s.io/v1alpha2/clusterpolicyreports': () => list([]),
    });
    await expect(source().fetch()).rejects.toThrow(
      /^malformed PolicyReportList: items\.0\.results\.0\.result: /,
    );
  });

  it("does not take the Kubernetes backend's 404 for a missing CRD", async () => {
    server.use(
      http.get(`${PROXY}/*`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotFoundError',
              message: "Cluster 'prod-eu-1' not found",
            },
          },
          { status: 404 },
        ),
      ),
    );
    await expect(source().fetch()).rejects.toThrow(
      /^HTTP 404 from .*: Cluster 'prod-eu-1' not found$/,
    );
  });
});
