import { join } from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { parse } from 'yaml';
import { git, runAction } from './__testUtils__/runAction';
import { setUpAction } from './__testUtils__/setUpNamespaceCreateAction';
import { examples } from './tenantCreate.examples';

const input = (patch: JsonObject = {}): JsonObject => ({
  name: 'search',
  title: 'Search',
  owner: 'group:default/team-payments',
  costCenter: 'CC-3001',
  ssoGroup: 'search-developers',
  environments: ['dev', 'prod'],
  namespaces: [
    { environment: 'dev', cluster: 'nonprod-eu-1', size: 'S' },
    { environment: 'prod', cluster: 'prod-eu-1', name: 'api', size: 'S' },
  ],
  ...patch,
});

describe('tenancy:tenant:create', () => {
  const dir = createMockDirectory();
  beforeEach(() => dir.clear());
  const run = (
    setup: Awaited<ReturnType<typeof setUpAction>>,
    values: JsonObject,
    options: { isDryRun?: boolean } = {},
  ) =>
    runAction(setup.tenantAction, values, {
      workspacePath: join(dir.path, 'workspace'),
      isDryRun: options.isDryRun,
    });

  it('opens one pull request with the Tenant, its AppProject and its first namespaces', async () => {
    const setup = await setUpAction({ root: dir.path });
    const outputs = await run(setup, input());
    expect(outputs).toMatchObject({
      entityRef: 'tenant:default/search',
      namespaces: ['search-dev', 'search-api-prod'],
      branch: 'tenancy/search/onboarding',
      pullRequestNumber: 1,
    });
    expect(outputs.files).toHaveLength(2 + 2 * 7);
    const show = (path: string) =>
      parse(git(setup.repo, 'show', `${outputs.branch}:${path}`));
    expect(show('tenants/search/tenant.yaml')).toMatchObject({
      kind: 'Tenant',
      spec: {
        owner: 'group:default/team-payments',
        costCenter: 'CC-3001',
        isolation: 'namespaces',
      },
    });
    expect(show('tenants/search/appproject.yaml').spec).toMatchObject({
      sourceRepos: ['https://git.example.com/search/deploy.git'],
      destinations: [
        { name: 'nonprod-eu-1', namespace: 'search-dev' },
        { name: 'prod-eu-1', namespace: 'search-api-prod' },
      ],
    });
    expect(
      show('tenants/search/prod/search-api-prod/namespace.yaml').metadata
        .labels['pod-security.kubernetes.io/enforce'],
    ).toBe('restricted');

    await expect(run(setup, input())).resolves.toMatchObject({
      pullRequestNumber: 1,
    });
    await expect(run(setup, input({ costCenter: 'CC-9999' }))).rejects.toThrow(
      /already requested, with other settings/,
    );
    expect(await setup.publisher.listRequests()).toHaveLength(1);
  });

  it.each([
    [{ name: 'payments-eu' }, /name \(prefix-overlap\)/],
    [{ name: `pay${'x'.repeat(40)}` }, /name \(length\)/],
    [{ name: 'checkout' }, /name \(exists\)/],
    [{ name: 'kube-team' }, /name \(reserved-prefix\)/],
    [{ owner: 'user:default/alex' }, /owner \(group\)/],
    [{ owner: 'group:default/team-ghost' }, /not a member|owner \(exists\)/],
    [{ ssoGroup: 'system:masters' }, /ssoGroup \(system-group\)/],
    [{ costCenter: 'CC 1\n' }, /costCenter \(characters\)/],
    [{ environments: ['dev', 'uat'] }, /environments \(unknown-environment\)/],
    [{ title: 'Search\nkind: Evil' }, /title \(characters\)/],
    [
      {
        namespaces: [
          {
            environment: 'dev',
            cluster: 'nonprod-eu-1',
            quota: {
              'requests.cpu': '99',
              'limits.cpu': '99',
              'requests.memory': '1Gi',
              'limits.memory': '1Gi',
            },
          },
        ],
      },
      /namespaces\[0\].quota.requests.cpu \(ceiling\)/,
    ],
    [
      {
        namespaces: [
          { environment: 'prod', cluster: 'nonprod-eu-1', size: 'S' },
        ],
      },
      /namespaces\[0\].cluster \(allowed-cluster\)/,
    ],
  ])('refuses %j without writing anything', async (patch, message) => {
    const setup = await setUpAction({ root: dir.path });
    await expect(run(setup, input(patch as JsonObject))).rejects.toThrow(
      message,
    );
    expect(git(setup.repo, 'branch', '--list', 'tenancy/*')).toBe('');
  });

  it('lets platform admins onboard for any group', async () => {
    const setup = await setUpAction({ root: dir.path, member: false });
    await expect(run(setup, input())).rejects.toThrow(/is not a member/);
    const admin = await setUpAction({
      root: join(dir.path, 'admin'),
      member: false,
      admin: true,
    });
    await expect(run(admin, input())).resolves.toMatchObject({
      pullRequestNumber: 1,
    });
  });

  it('writes the files to the workspace in a dry run', async () => {
    const setup = await setUpAction({ root: dir.path });
    const outputs = await run(setup, input(), { isDryRun: true });
    expect(outputs.files).toContain('tenants/search/appproject.yaml');
    expect(await setup.publisher.listRequests()).toEqual([]);
  });

  it.each(examples.map(e => [e.description, e.example]))(
    'example: %s',
    async (_d, example) => {
      const setup = await setUpAction({ root: dir.path });
      const outputs = await run(setup, parse(example).steps[0].input);
      expect(outputs.pullRequestNumber).toBe(1);
      expect(outputs.files).toContain(
        `tenants/${parse(example).steps[0].input.name}/tenant.yaml`,
      );
    },
  );
});
