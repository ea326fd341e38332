import { promises as fs, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { TenancyPermissionPolicy } from '@tenancy-plugins/backstage-plugin-permission-backend-module-tenancy';
import { LocalGitPublisher } from '@tenancy-plugins/backstage-plugin-tenancy-node';
import request from 'supertest';
import { parse, parseAllDocuments } from 'yaml';
import { git } from './actions/__testUtils__/runAction';
import { scaffolderModuleTenancy } from './module';

const root = resolve(__dirname, '../../..');
const readYaml = (path: string) => readFileSync(join(root, path), 'utf8');

/** The embedded default's templates, tenants and policy. */
const template = {
  ...parse(readYaml('templates/new-namespace/template.yaml')),
} as Entity;
template.metadata.namespace = 'default';
const exceptionTemplate = {
  ...parse(readYaml('templates/tenant-exception/template.yaml')),
} as Entity;
exceptionTemplate.metadata.namespace = 'default';
const adoptTemplate = {
  ...parse(readYaml('templates/adopt-namespace/template.yaml')),
} as Entity;
adoptTemplate.metadata.namespace = 'default';

/** Who asked the tenancy backend for an observed namespace. */
const observedBy: string[] = [];

/**
 * The tenancy backend's observed-namespace endpoint as the contract has it
 * (the backend itself is tested in its own package): an orphan of payments,
 * answered to the user the scaffolder acts for.
 */
const tenancyBackend = createBackendPlugin({
  pluginId: 'tenancy',
  register({ registerInit }) {
    registerInit({
      deps: { http: coreServices.httpRouter, httpAuth: coreServices.httpAuth },
      async init({ http, httpAuth }) {
        http.use(async (req, res, next) => {
          const match =
            /^\/v1\/clusters\/([^/]+)\/namespaces\/([^/]+)\/observed$/.exec(
              req.path,
            );
          if (!match) {
            next();
            return;
          }
          const credentials = await httpAuth.credentials(req, {
            allow: ['user'],
          });
          observedBy.push(credentials.principal.userEntityRef);
          res.json({
            cluster: match[1],
            namespace: match[2],
            phase: 'Active',
            labels: {
              'tenancy.io/tenant': 'payments',
              'tenancy.io/environment': 'dev',
              'tenancy.io/cost-center': 'CC-1001',
            },
            quotas: [
              {
                name: 'tenant-quota',
                hard: {
                  'requests.cpu': '1',
                  'limits.cpu': '2',
                  'requests.memory': '2Gi',
                  'limits.memory': '4Gi',
                },
              },
            ],
            limitRanges: [],
            orphan: true,
            observedAt: '2026-12-02T17:00:00.000Z',
          });
        });
      },
    });
  },
});
const tenants = ['checkout', 'payments'].map(name => ({
  ...(parseAllDocuments(
    readYaml(`examples/gitops-repo/tenants/${name}/tenant.yaml`),
  )[0].toJSON() as Entity),
}));
for (const t of tenants) t.metadata.namespace = 'default';
const appConfig = parse(readYaml('app-config.yaml'));

/** The guest of the embedded default: a member of team-payments and team-data. */
const groups: Record<string, string[]> = {
  'user:default/guest': [
    'user:default/guest',
    'group:default/team-payments',
    'group:default/team-data',
  ],
  'user:default/pat.platform': [
    'user:default/pat.platform',
    'group:default/platform-team',
  ],
};

/**
 * The permissions service answering with the embedded default's policy in
 * process, as the permission backend would: Backstage's own service allows
 * plugins' own (service) requests and asks the policy for users. (The mock
 * auth's on-behalf-of tokens lose the calling plugin, so the permission
 * backend itself cannot be asked here; its HTTP path is tested by the
 * permission module and the e2e test.)
 */
const policyPermissions = createServiceFactory({
  service: coreServices.permissions,
  deps: { config: coreServices.rootConfig, userInfo: coreServices.userInfo },
  factory({ config, userInfo }): PermissionsService {
    const policy = TenancyPermissionPolicy.fromConfig(config, { userInfo });
    const decide = (requests: { permission: any }[], options: any) =>
      Promise.all(
        requests.map(r =>
          options.credentials.principal.type === 'user'
            ? policy.handle({ permission: r.permission }, {
                credentials: options.credentials,
              } as any)
            : ({ result: AuthorizeResult.ALLOW } as PolicyDecision),
        ),
      );
    return {
      authorize: async (requests, options) =>
        (await decide(requests, options)).map(d => {
          if (d.result === AuthorizeResult.CONDITIONAL) {
            throw new Error('a conditional decision for authorize');
          }
          return d;
        }),
      authorizeConditional:
        decide as PermissionsService['authorizeConditional'],
    };
  },
});

describe('requests for a tenant through the scaffolder, with the tenancy permission policy', () => {
  const dir = createMockDirectory();
  let server: any;
  let repo: string;

  beforeAll(async () => {
    repo = join(dir.path, 'gitops-repo');
    const backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleTenancy,
        tenancyBackend,
        policyPermissions,
        catalogServiceMock.factory({
          entities: [template, exceptionTemplate, adoptTemplate, ...tenants],
        }),
        mockServices.userInfo.mock({
          getUserInfo: async credentials => {
            const ref = (credentials.principal as { userEntityRef: string })
              .userEntityRef;
            return {
              userEntityRef: ref,
              ownershipEntityRefs: groups[ref] ?? [ref],
            };
          },
        }).factory,
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            tenancy: {
              permissions: appConfig.tenancy.permissions,
              policy: appConfig.tenancy.policy,
              gitops: {
                tenantsPath: 'tenants',
                publisher: {
                  type: 'local',
                  path: repo,
                  seedFrom: join(root, 'examples/gitops-repo'),
                },
              },
            },
          },
        }),
      ],
    });
    server = backend.server;
  });

  /** Runs the new-namespace template as a user; returns the task's end and log. */
  function runTemplate(user: string, tenant: string, name: string) {
    return runTask(user, 'new-namespace', {
      tenant,
      placement: { environment: 'dev', cluster: 'nonprod-eu-1' },
      name,
      quota: { size: 'S' },
      purpose: 'Permission test',
    });
  }

  /** Runs a template as a user; returns the task's end and log. */
  async function runTask(
    user: string,
    name: string,
    values: Record<string, unknown>,
  ) {
    const created = await request(server)
      .post('/api/scaffolder/v2/tasks')
      .set('Authorization', mockCredentials.user.header(user))
      .send({ templateRef: `template:default/${name}`, values });
    expect(created.status).toBe(201);
    const id = created.body.id;
    for (let i = 0; i < 200; i++) {
      const task = await request(server)
        .get(`/api/scaffolder/v2/tasks/${id}`)
        .set('Authorization', mockCredentials.user.header(user));
      if (['completed', 'failed', 'cancelled'].includes(task.body.status)) {
        const events = await request(server)
          .get(`/api/scaffolder/v2/tasks/${id}/events`)
          .set('Authorization', mockCredentials.user.header(user));
        const log = events.body
          .map((e: any) => e.body?.message ?? '')
          .join('\n');
        return { status: task.body.status as string, log };
      }
      await new Promise(r => setTimeout(r, 50));
    }
    throw new Error(`task ${id} did not end`);
  }

  it('refuses a member of other teams a request for checkout, naming the permission and the tenant, and writes nothing', async () => {
    const { status, log } = await runTemplate(
      'user:default/guest',
      'tenant:default/checkout',
      'perm',
    );
    expect(status).toBe('failed');
    expect(log).toContain(
      'user:default/guest may not request for tenant checkout: user:default/guest is not a member of group:default/team-checkout, which owns tenant checkout, nor a platform admin (the tenancy.provision.admin permission was denied)',
    );
    const publisher = await LocalGitPublisher.open({ path: repo });
    expect(await publisher.listRequests()).toEqual([]);
    expect(git(repo, 'branch', '--list', 'tenancy/*')).toBe('');
    await expect(
      fs.readdir(join(repo, 'tenants/checkout/dev/checkout-perm-dev')),
    ).rejects.toThrow();
  });

  it("lets the guest request for its own team's tenant, and a platform admin for any", async () => {
    const own = await runTemplate(
      'user:default/guest',
      'tenant:default/payments',
      'perm',
    );
    expect(own).toMatchObject({ status: 'completed' });
    const admin = await runTemplate(
      'user:default/pat.platform',
      'tenant:default/checkout',
      'admin',
    );
    expect(admin).toMatchObject({ status: 'completed' });
    expect(
      git(repo, 'branch', '--list', 'tenancy/*')
        .split('\n')
        .map(b => b.trim())
        .sort(),
    ).toEqual([
      'tenancy/checkout/checkout-admin-dev',
      'tenancy/payments/payments-perm-dev',
    ]);
  });
  it('runs the tenant-exception template for the own tenant only, as a pull request on tenant.yaml', async () => {
    const values = {
      addRegistries: ['ghcr.io/acme-payments/'],
      reason: 'The card vault images are built in our GitHub organisation',
    };
    const refused = await runTask('user:default/guest', 'tenant-exception', {
      ...values,
      tenant: 'tenant:default/checkout',
    });
    expect(refused.status).toBe('failed');
    expect(refused.log).toContain(
      'user:default/guest may not request for tenant checkout',
    );
    expect(git(repo, 'branch', '--list', 'tenancy/checkout/exception')).toBe(
      '',
    );

    const own = await runTask('user:default/guest', 'tenant-exception', {
      ...values,
      tenant: 'tenant:default/payments',
    });
    expect(own).toMatchObject({ status: 'completed' });
    const tenant = parse(
      git(
        repo,
        'show',
        'tenancy/payments/exception:tenants/payments/tenant.yaml',
      ),
    );
    expect(tenant.spec.allowedRegistries).toEqual(['ghcr.io/acme-payments/']);
  });
  it('runs the adopt-namespace template, asking the tenancy backend as the requester', async () => {
    const adopted = await runTask('user:default/guest', 'adopt-namespace', {
      cluster: 'nonprod-eu-1',
      namespace: 'payments-legacy-dev',
      action: 'adopt',
    });
    expect(adopted).toMatchObject({ status: 'completed' });
    expect(observedBy).toEqual(['user:default/guest']);

    // The form asks for a reason to remove, before any task runs.
    const noReason = await request(server)
      .post('/api/scaffolder/v2/tasks')
      .set('Authorization', mockCredentials.user.header('user:default/guest'))
      .send({
        templateRef: 'template:default/adopt-namespace',
        values: {
          cluster: 'nonprod-eu-1',
          namespace: 'payments-legacy-dev',
          action: 'remove',
        },
      });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toContain('reason');
    expect(
      parse(
        git(
          repo,
          'show',
          'tenancy/payments/payments-legacy-dev:tenants/payments/dev/payments-legacy-dev/namespace.yaml',
        ),
      ).metadata.name,
    ).toBe('payments-legacy-dev');
  });
});
