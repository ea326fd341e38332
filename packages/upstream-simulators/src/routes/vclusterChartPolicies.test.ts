import { resolve } from 'node:path';
import { validateUpstreamResponse } from '../__testUtils__/validateUpstreamResponse';
import {
  createSimulatorServer,
  DEFAULT_SIMULATOR_CREDENTIALS,
  SimulatorServer,
} from '../createSimulatorServer';
import { worldFromGitOpsRepo } from '../world/worldFromGitOpsRepo';

const EXAMPLE = resolve(__dirname, '../../../../examples/gitops-repo');

const world = worldFromGitOpsRepo(EXAMPLE, {
  argocd: [{ name: 'argocd', clusters: ['nonprod-eu-1', 'prod-eu-1'] }],
  cost: [],
});

describe("the ResourceQuota and LimitRange the vcluster chart creates in a vCluster's host namespace", () => {
  let sim: SimulatorServer;
  beforeAll(async () => {
    sim = await createSimulatorServer({ getWorld: () => world });
  });
  afterAll(() => sim.close());

  const list = async (resource: string) => {
    const res = await fetch(`${sim.url}/k8s/nonprod-eu-1/api/v1/${resource}`, {
      headers: {
        authorization: `Bearer ${DEFAULT_SIMULATOR_CREDENTIALS.kubernetesToken}`,
      },
    });
    expect(res.status).toBe(200);
    return res.json();
  };

  const chartLabels = (release: string) => ({
    app: 'vcluster',
    chart: 'vcluster-0.36.1',
    release,
    heritage: 'Helm',
  });

  it.each([['data-platform-vc-sandbox-dev'], ['checkout-vc-preview-dev']])(
    'serves vc-%s with the hard limits of the Helm values, less the keys set to null, and usage',
    async release => {
      const body = await list('resourcequotas');
      expect(
        validateUpstreamResponse(
          'kubernetes',
          'io.k8s.api.core.v1.ResourceQuotaList',
          body,
        ),
      ).toEqual([]);
      const quotas = body.items.filter(
        (q: any) => q.metadata.namespace === release,
      );
      expect(quotas.map((q: any) => q.metadata.name)).toEqual([
        `vc-${release}`,
      ]);
      const [quota] = quotas;
      expect(quota.metadata.labels).toEqual(chartLabels(release));
      const hard = {
        'requests.cpu': '2',
        'requests.memory': '4Gi',
        'requests.storage': '500Gi',
        'limits.cpu': '4',
        'limits.memory': '8Gi',
        'services.nodeports': '0',
        'services.loadbalancers': '0',
        pods: '30',
      };
      expect(quota.spec.hard).toEqual(hard);
      expect(quota.status.hard).toEqual(hard);
      expect(Object.keys(quota.status.used).sort()).toEqual(
        Object.keys(hard).sort(),
      );
      expect(quota.status.used.pods).toMatch(/^\d+$/);
    },
  );

  it.each([['data-platform-vc-sandbox-dev'], ['checkout-vc-preview-dev']])(
    'serves vc-%s with the default and defaultRequest of the Helm values, less the keys set to null',
    async release => {
      const body = await list('limitranges');
      expect(
        validateUpstreamResponse(
          'kubernetes',
          'io.k8s.api.core.v1.LimitRangeList',
          body,
        ),
      ).toEqual([]);
      const ranges = body.items.filter(
        (r: any) => r.metadata.namespace === release,
      );
      expect(ranges.map((r: any) => r.metadata.name)).toEqual([
        `vc-${release}`,
      ]);
      expect(ranges[0].metadata.labels).toEqual(chartLabels(release));
      expect(ranges[0].spec.limits).toEqual([
        {
          default: { memory: '512Mi', cpu: '500m' },
          defaultRequest: { memory: '128Mi', cpu: '100m' },
          type: 'Container',
        },
      ]);
    },
  );
});
