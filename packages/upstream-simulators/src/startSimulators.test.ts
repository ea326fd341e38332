import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { DEFAULT_SIMULATOR_CREDENTIALS } from './createSimulatorServer';
import { startSimulators } from './startSimulators';

const k8sAuth = {
  authorization: `Bearer ${DEFAULT_SIMULATOR_CREDENTIALS.kubernetesToken}`,
};

describe('startSimulators', () => {
  const dir = createMockDirectory();
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  it('creates a missing GitOps repository from examples/ and serves its namespaces, with the layout of the repository app-config.yaml', async () => {
    const { server, options } = await startSimulators(
      ['--port', '0', '--gitops-repo', 'repo'],
      dir.path,
    );
    close = server.close;

    expect(options.gitopsRepo).toBe(join(dir.path, 'repo'));
    expect(existsSync(join(dir.path, 'repo', '.git'))).toBe(true);
    expect(options.layout.cost.map(i => i.name)).toEqual([
      'opencost-nonprod',
      'opencost-prod',
    ]);
    const res = await fetch(
      `${server.url}/k8s/nonprod-eu-1/api/v1/namespaces`,
      { headers: k8sAuth },
    );
    expect(res.status).toBe(200);
    const names = (await res.json()).items.map((n: any) => n.metadata.name);
    expect(names).toEqual(expect.arrayContaining(['payments-dev']));
  });

  it('shows a new user the embedded default: a few policy failures, one quota changed by hand, one orphan', async () => {
    const { server } = await startSimulators(
      ['--port', '0', '--gitops-repo', 'repo'],
      dir.path,
    );
    close = server.close;
    const get = async (cluster: string, path: string) =>
      (
        await (
          await fetch(`${server.url}/k8s/${cluster}/${path}`, {
            headers: k8sAuth,
          })
        ).json()
      ).items;
    const [quota] = await get(
      'prod-eu-1',
      'api/v1/namespaces/payments-prod/resourcequotas',
    );
    // Git says 2 (examples/gitops-repo).
    expect(quota.spec.hard['requests.cpu']).toBe('4');
    const orphan = (await get('nonprod-eu-1', 'api/v1/namespaces')).find(
      (n: any) => n.metadata.name === 'payments-sandbox-dev',
    );
    expect(orphan.metadata.labels['tenancy.io/tenant']).toBe('payments');
    const failures = async (cluster: string, path: string) =>
      (await get(cluster, path)).reduce(
        (n: number, r: any) => n + r.summary.fail + r.summary.warn,
        0,
      );
    const nonprod = await failures(
      'nonprod-eu-1',
      'apis/openreports.io/v1alpha1/reports',
    );
    const prod = await failures(
      'prod-eu-1',
      'apis/wgpolicyk8s.io/v1alpha2/policyreports',
    );
    expect(nonprod).toBeGreaterThan(0);
    expect(prod).toBeGreaterThan(0);
    expect(nonprod + prod).toBeLessThan(30);
  });

  it('reads tenancySimulators from the given config files', async () => {
    writeFileSync(
      join(dir.path, 'sim.yaml'),
      [
        'tenancySimulators:',
        '  port: 0',
        '  gitopsRepo: unused',
        '  latencyMs: 5',
        '  argocd: [{ name: argo-a, clusters: [c-1] }]',
        '  cost: []',
      ].join('\n'),
    );
    const { server, options } = await startSimulators(
      ['--gitops-repo', 'repo', '--config', 'sim.yaml'],
      dir.path,
    );
    close = server.close;
    expect(options).toMatchObject({
      latencyMs: 5,
      layout: { argocd: [{ name: 'argo-a', clusters: ['c-1'] }], cost: [] },
    });
    expect(server.controls.latencyMs).toBe(5);
  });

  it.each([
    [['--port', '0'], /--gitops-repo is required/],
    [['--port', 'x', '--gitops-repo', 'r'], /--port must be a port number/],
  ])('refuses %j', async (args, error) => {
    await expect(startSimulators(args, dir.path)).rejects.toThrow(error);
  });
});
