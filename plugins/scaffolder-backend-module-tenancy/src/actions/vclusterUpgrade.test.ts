import { promises as fs, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigReader } from '@backstage/config';
import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  LocalGitPublisher,
  readTenancyConfig,
} from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { parse, stringify } from 'yaml';
import { recordAuditEvents } from './__testUtils__/recordAuditEvents';
import { git, runAction } from './__testUtils__/runAction';
import { createVClusterUpgradeAction } from './vclusterUpgrade';
import { examples } from './vclusterUpgrade.examples';

const root = resolve(__dirname, '../../../..');
const appConfig = parse(readFileSync(join(root, 'app-config.yaml'), 'utf8'));
const SANDBOX = 'tenants/data-platform/dev/data-platform-vc-sandbox-dev';
/** The examples' other vCluster, another team's (checkout), also in dev on 0.36.1. */
const PREVIEW = 'checkout-vc-preview-dev';
const applicationOf = (tenant: string, env: string, name: string) =>
  `tenants/${tenant}/${env}/${name}/argocd/vcluster-application.yaml`;

/**
 * The GitOps repository of the embedded default (data-platform-vc-sandbox-dev
 * on chart 0.36.1) plus vCluster folders made from it: the same Application
 * under another name, environment and chart version.
 */
async function seedRepository(
  dir: string,
  extra: { name: string; version: string; values?: Record<string, unknown> }[],
) {
  const seed = join(dir, 'seed');
  await fs.cp(join(root, 'examples/gitops-repo'), seed, { recursive: true });
  const sandbox = await fs.readFile(
    join(seed, SANDBOX, 'argocd/vcluster-application.yaml'),
    'utf8',
  );
  for (const vc of extra) {
    // <tenant>-vc-<part>-<environment>
    const tenant = vc.name.split('-vc-')[0];
    const env = vc.name.split('-').pop()!;
    const folder = join(seed, 'tenants', tenant, env, vc.name);
    await fs.cp(join(seed, SANDBOX), folder, { recursive: true });
    const app = parse(
      sandbox
        .replaceAll('data-platform-vc-sandbox-dev', vc.name)
        .replaceAll(
          'tenancy.io/tenant: data-platform',
          `tenancy.io/tenant: ${tenant}`,
        )
        .replace('targetRevision: 0.36.1', `targetRevision: ${vc.version}`),
    );
    Object.assign(app.spec.source.helm.valuesObject, vc.values ?? {});
    await fs.writeFile(
      join(folder, 'argocd/vcluster-application.yaml'),
      stringify(app, { lineWidth: 0 }),
    );
  }
  return LocalGitPublisher.open({ path: join(dir, 'repo'), seedFrom: seed });
}

/** The action with the embedded default's policy, the chart version pinned to `chartVersion`. */
function upgradeAction(
  publisher: LocalGitPublisher,
  chartVersion: string,
  options: { admin?: boolean } = {},
) {
  const { layout, policy } = readTenancyConfig(
    new ConfigReader({
      tenancy: {
        policy: {
          ...appConfig.tenancy.policy,
          vcluster: { ...appConfig.tenancy.policy.vcluster, chartVersion },
        },
      },
    }),
  );
  const permissions = mockServices.permissions.mock();
  permissions.authorize.mockResolvedValue([
    {
      result:
        options.admin === false ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
    },
  ]);
  const audit = recordAuditEvents();
  const action = createVClusterUpgradeAction({
    catalog: catalogServiceMock({ entities: [] }),
    userInfo: mockServices.userInfo({
      userEntityRef: 'user:default/pat.platform',
      ownershipEntityRefs: [
        'user:default/pat.platform',
        'group:default/platform-team',
      ],
    }),
    permissions,
    auditor: audit.auditor,
    layout,
    policy,
    publisher,
  });
  return { action, events: audit.events, permissions };
}

describe('tenancy:vcluster:upgrade', () => {
  const dir = createMockDirectory();
  beforeEach(() => dir.clear());
  const workspacePath = () => join(dir.path, 'workspace');
  const run = (
    action: ReturnType<typeof upgradeAction>['action'],
    options: { isDryRun?: boolean } = {},
  ) =>
    runAction(
      action,
      { reason: 'the platform moved its chart' },
      { workspacePath: workspacePath(), ...options },
    );
  const targetOf = (repo: string, ref: string, path: string) =>
    parse(git(repo, 'show', `${ref}:${path}`)).spec.source.targetRevision;

  it('moving the pinned version opens one request per vCluster behind it, and none for those already current', async () => {
    const publisher = await seedRepository(dir.path, [
      { name: 'data-platform-vc-lab-dev', version: '0.36.1' },
      { name: 'checkout-vc-old-dev', version: '0.36.0' },
    ]);
    const repo = join(dir.path, 'repo');

    // Pinned 0.36.1: only the vCluster on 0.36.0 is behind.
    const first = await run(upgradeAction(publisher, '0.36.1').action);
    expect(first.requests).toEqual([
      expect.objectContaining({
        vcluster: 'checkout-vc-old-dev',
        tenant: 'checkout',
        environment: 'dev',
        from: '0.36.0',
        branch: 'tenancy/checkout/checkout-vc-old-dev-upgrade-0.36.1',
        files: [applicationOf('checkout', 'dev', 'checkout-vc-old-dev')],
        pullRequestNumber: 1,
      }),
    ]);
    expect(first.current.sort()).toEqual([
      PREVIEW,
      'data-platform-vc-lab-dev',
      'data-platform-vc-sandbox-dev',
    ]);

    // The platform moves to 0.36.2: every vCluster is behind, one request each.
    const moved = await run(upgradeAction(publisher, '0.36.2').action);
    expect(
      moved.requests.map((r: { vcluster: string }) => r.vcluster).sort(),
    ).toEqual([
      'checkout-vc-old-dev',
      PREVIEW,
      'data-platform-vc-lab-dev',
      'data-platform-vc-sandbox-dev',
    ]);
    expect(moved.current).toEqual([]);
    const sandbox = moved.requests.find(
      (r: { vcluster: string }) =>
        r.vcluster === 'data-platform-vc-sandbox-dev',
    );
    const path = `${SANDBOX}/argocd/vcluster-application.yaml`;
    expect(targetOf(repo, sandbox.branch, path)).toBe('0.36.2');
    // Only the chart version changes: the values stay as rendered.
    expect(
      git(repo, 'diff', 'main', sandbox.branch, '--', path)
        .split('\n')
        .filter(l => /^[+-][^+-]/.test(l)),
    ).toEqual(['-    targetRevision: 0.36.1', '+    targetRevision: 0.36.2']);
    expect(git(repo, 'diff', '--name-only', 'main', sandbox.branch)).toBe(path);
    const body = git(repo, 'log', '-1', '--format=%b', sandbox.branch);
    expect(body).toContain(
      '- [x] values: the vcluster.yaml values valid against the values schema of chart 0.36.2',
    );
    expect(body).toContain(
      '- [x] schema: Application vcluster-data-platform-vc-sandbox-dev valid against',
    );
    expect(body).toContain('> the platform moved its chart');

    // Asking again returns the same open requests.
    const again = await run(upgradeAction(publisher, '0.36.2').action);
    expect(again.requests.map((r: any) => r.pullRequestNumber).sort()).toEqual(
      moved.requests.map((r: any) => r.pullRequestNumber).sort(),
    );
    expect(await publisher.listRequests()).toHaveLength(5);
  });

  it('upgrades environment by environment: staging once dev is merged, prod once staging is', async () => {
    const publisher = await seedRepository(dir.path, [
      { name: 'data-platform-vc-lab-staging', version: '0.36.0' },
      { name: 'data-platform-vc-lab-prod', version: '0.36.0' },
    ]);
    const { action } = upgradeAction(publisher, '0.36.2');
    const dev = await run(action);
    expect(dev.environment).toBe('dev');
    expect(dev.requests.map((r: any) => r.vcluster).sort()).toEqual([
      PREVIEW,
      'data-platform-vc-sandbox-dev',
    ]);
    expect(dev.waiting.sort()).toEqual([
      'data-platform-vc-lab-prod',
      'data-platform-vc-lab-staging',
    ]);
    // Not before dev is merged.
    expect((await run(action)).environment).toBe('dev');
    for (const request of dev.requests) {
      await publisher.merge(request.pullRequestNumber);
    }

    const staging = await run(action);
    expect(staging.environment).toBe('staging');
    expect(staging.requests.map((r: any) => r.vcluster)).toEqual([
      'data-platform-vc-lab-staging',
    ]);
    expect(staging.waiting).toEqual(['data-platform-vc-lab-prod']);
    expect(staging.current.sort()).toEqual([
      PREVIEW,
      'data-platform-vc-sandbox-dev',
    ]);
    await publisher.merge(staging.requests[0].pullRequestNumber);

    const prod = await run(action);
    expect(prod.environment).toBe('prod');
    expect(prod.requests.map((r: any) => r.vcluster)).toEqual([
      'data-platform-vc-lab-prod',
    ]);
    await publisher.merge(prod.requests[0].pullRequestNumber);
    const done = await run(action);
    expect(done.requests).toEqual([]);
    expect(done.environment).toBeUndefined();
    expect(done.current).toHaveLength(4);
  });

  it('refuses a vCluster whose values the new chart refuses, naming it, and opens the others', async () => {
    const publisher = await seedRepository(dir.path, [
      {
        name: 'checkout-vc-odd-dev',
        version: '0.36.0',
        values: { syncer: { extraArgs: ['--old'] } },
      },
    ]);
    const { action, events } = upgradeAction(publisher, '0.36.2');
    await expect(run(action)).rejects.toThrow(
      /vCluster checkout-vc-odd-dev: values\.syncer is not a setting of the vCluster chart/,
    );
    const requests = await publisher.listRequests();
    expect(requests.map(r => r.branch).sort()).toEqual([
      `tenancy/checkout/${PREVIEW}-upgrade-0.36.2`,
      'tenancy/data-platform/data-platform-vc-sandbox-dev-upgrade-0.36.2',
    ]);
    const failed = events.filter(e => e.status === 'failed');
    expect(failed.map(e => e.meta?.actionType).sort()).toEqual([
      'vcluster-upgrade',
      'vcluster-upgrade-campaign',
    ]);
    expect(
      events.find(
        e =>
          e.status === 'succeeded' &&
          e.meta?.actionType === 'vcluster-upgrade' &&
          e.meta?.tenant === 'tenant:default/data-platform',
      )?.meta,
    ).toMatchObject({
      requestedBy: 'user:default/pat.platform',
      entityRefs: ['resource:default/data-platform-vc-sandbox-dev'],
      requestNumber: expect.any(Number),
    });
  });

  it('is for platform admins only, and a dry run writes nothing', async () => {
    const publisher = await seedRepository(dir.path, []);
    const denied = upgradeAction(publisher, '0.36.2', { admin: false });
    await expect(run(denied.action)).rejects.toThrow(
      'user:default/pat.platform may not upgrade the vClusters: only platform admins may (the tenancy.provision.admin permission was denied); nothing was written',
    );
    expect(denied.events.map(e => e.status)).toEqual(['initiated', 'failed']);

    const dry = await run(upgradeAction(publisher, '0.36.2').action, {
      isDryRun: true,
    });
    expect(dry.requests).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          vcluster: 'data-platform-vc-sandbox-dev',
          files: [`${SANDBOX}/argocd/vcluster-application.yaml`],
        }),
        expect.objectContaining({ vcluster: PREVIEW }),
      ]),
    );
    expect(dry.requests).toHaveLength(2);
    expect(dry.requests[0].branch).toBeUndefined();
    expect(await publisher.listRequests()).toEqual([]);
  });

  it.each(examples.map(e => [e.description, e.example]))(
    'example: %s',
    async (_d, example) => {
      const publisher = await seedRepository(dir.path, []);
      const outputs = await runAction(
        upgradeAction(publisher, '0.36.2').action,
        parse(example).steps[0].input,
        { workspacePath: workspacePath() },
      );
      expect(outputs).toMatchObject({
        chartVersion: '0.36.2',
        environment: 'dev',
      });
      expect(outputs.requests.map((r: any) => r.vcluster).sort()).toEqual([
        PREVIEW,
        'data-platform-vc-sandbox-dev',
      ]);
    },
  );
});
