import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  ActionsService,
  actionsServiceRef,
} from '@backstage/backend-plugin-api/alpha';
import {
  actionsRegistryServiceFactory,
  actionsServiceFactory,
} from '@backstage/backend-defaults/alpha';
import { DefaultAuditorService } from '@backstage/backend-defaults/auditor';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { tenancyProvisionAdminPermission } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { LocalGitPublisher } from '@tenancy-plugins/backstage-plugin-tenancy-node';
import request from 'supertest';
import { parse, parseAllDocuments } from 'yaml';
import { tenancyPlugin } from '../plugin';

const root = resolve(__dirname, '../../../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const entityOf = (path: string) => {
  const entity = parseAllDocuments(read(path))[0].toJSON() as Entity;
  entity.metadata.namespace = 'default';
  return entity;
};
const appConfig = parse(read('app-config.yaml'));

/** The guest of the embedded default: a member of team-payments and team-data. */
const GUEST = 'user:default/guest';
const groups: Record<string, string[]> = {
  [GUEST]: [GUEST, 'group:default/team-payments', 'group:default/team-data'],
};

/**
 * Users hold every permission but the platform admin's, as the embedded
 * default's policy gives the guest; the plugins' own requests are allowed.
 */
const permissions = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory(): PermissionsService {
    const decide = async (requests: { permission: any }[], options: any) =>
      requests.map(r => ({
        result:
          options.credentials.principal.type === 'user' &&
          r.permission.name === tenancyProvisionAdminPermission.name
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      })) as any;
    return { authorize: decide, authorizeConditional: decide };
  },
});

/** Backstage's own auditor, logging into a list the tests read back. */
const auditEvents: Array<{
  eventId: string;
  status: string;
  meta?: Record<string, unknown>;
}> = [];
const requestEvents = () =>
  auditEvents
    .filter(e => e.eventId === 'provisioning-request')
    .map(e => ({ status: e.status, ...e.meta }));
const auditor = createServiceFactory({
  service: coreServices.auditor,
  deps: {
    auth: coreServices.auth,
    httpAuth: coreServices.httpAuth,
    plugin: coreServices.pluginMetadata,
  },
  factory: deps =>
    DefaultAuditorService.create(event => {
      auditEvents.push(event as (typeof auditEvents)[number]);
    }, deps),
});

/**
 * A plugin holding the actions service, as the MCP actions backend does: it
 * lists and invokes the actions of `backend.actions.pluginSources` over
 * HTTP, with a token on behalf of the MCP client's user.
 */
let actions: ActionsService;
const mcpLikePlugin = createBackendPlugin({
  pluginId: 'mcp-like',
  register({ registerInit }) {
    registerInit({
      deps: { actionsService: actionsServiceRef },
      async init({ actionsService }) {
        actions = actionsService;
      },
    });
  },
});

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

describe('the tenancy actions, through the actions registry as an MCP client calls them', () => {
  const dir = createMockDirectory();
  let server: any;
  let repo: string;

  beforeAll(async () => {
    repo = join(dir.path, 'gitops-repo');
    const backend = await startTestBackend({
      features: [
        tenancyPlugin,
        actionsRegistryServiceFactory,
        actionsServiceFactory,
        mcpLikePlugin,
        permissions,
        auditor,
        catalogServiceMock.factory({
          entities: [
            entityOf('examples/gitops-repo/tenants/payments/tenant.yaml'),
            entityOf('examples/gitops-repo/tenants/checkout/tenant.yaml'),
            entityOf(
              'examples/gitops-repo/tenants/payments/dev/payments-api-dev/catalog-info.yaml',
            ),
          ],
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
            backend: { actions: { pluginSources: ['tenancy'] } },
            tenancy: {
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

  const invoke = (action: string, input: object, user = GUEST) =>
    request(server)
      .post(
        `/api/tenancy/.backstage/actions/v1/actions/tenancy:${action}/invoke`,
      )
      .set('Authorization', mockCredentials.user.header(user))
      .send(input);
  const tenancyBranches = () =>
    git(repo, 'branch', '--list', 'tenancy/*')
      .split('\n')
      .map(b => b.replace('*', '').trim())
      .filter(Boolean);
  const namespaceRequest = {
    tenant: 'payments',
    environment: 'dev',
    cluster: 'nonprod-eu-1',
    name: 'agent',
    size: 'S',
    purpose: 'Asked for by an agent',
  };

  it('lists the tenancy actions with their attributes and a description on every input field', async () => {
    const res = await request(server)
      .get('/api/tenancy/.backstage/actions/v1/actions')
      .set('Authorization', mockCredentials.user.header(GUEST));
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(
      res.body.actions.map((a: any) => [a.id, a]),
    );
    expect(
      Object.fromEntries(
        Object.entries(byId).map(([id, a]: [string, any]) => [
          id,
          a.attributes,
        ]),
      ),
    ).toEqual({
      'tenancy:get-tenant-summary': {
        readOnly: true,
        destructive: false,
        idempotent: true,
      },
      'tenancy:get-fleet-overview': {
        readOnly: true,
        destructive: false,
        idempotent: true,
      },
      'tenancy:list-tenant-requests': {
        readOnly: true,
        destructive: false,
        idempotent: true,
      },
      'tenancy:check-namespace-name': {
        readOnly: true,
        destructive: false,
        idempotent: true,
      },
      'tenancy:request-namespace': {
        readOnly: false,
        destructive: false,
        idempotent: true,
      },
      'tenancy:change-namespace-quota': {
        readOnly: false,
        destructive: true,
        idempotent: true,
      },
      'tenancy:decommission-namespace': {
        readOnly: false,
        destructive: true,
        idempotent: true,
      },
    });
    for (const action of Object.values(byId) as any[]) {
      expect(action.pluginId).toBe('tenancy');
      for (const [field, schema] of Object.entries(
        action.schema.input.properties ?? {},
      )) {
        expect([action.id, field, (schema as any).description]).toEqual([
          action.id,
          field,
          expect.any(String),
        ]);
      }
    }
  });

  it('is served to the actions service, as the MCP actions backend lists and calls them for a user', async () => {
    const credentials = mockCredentials.user(GUEST);
    const { actions: listed } = await actions.list({ credentials });
    expect(listed.map(a => a.id)).toEqual(
      expect.arrayContaining([
        'tenancy:get-tenant-summary',
        'tenancy:request-namespace',
      ]),
    );
    await expect(
      actions.invoke({
        id: 'tenancy:request-namespace',
        input: { ...namespaceRequest, tenant: 'checkout' },
        credentials,
      }),
    ).rejects.toMatchObject({
      body: {
        error: {
          name: 'NotAllowedError',
          message: expect.stringContaining(
            'user:default/guest may not request for tenant checkout',
          ),
        },
      },
    });
    const { output } = await actions.invoke({
      id: 'tenancy:check-namespace-name',
      input: namespaceRequest,
      credentials,
    });
    expect(output).toMatchObject({ namespace: 'payments-agent-dev' });
    expect(tenancyBranches()).toEqual([]);
  });

  it('answers a dry run with the rendered files and writes nothing', async () => {
    const eventsBefore = requestEvents().length;
    const res = await invoke('request-namespace', {
      ...namespaceRequest,
      dryRun: true,
    });
    expect(res.status).toBe(200);
    const { output } = res.body;
    expect(output).toMatchObject({
      namespace: 'payments-agent-dev',
      entityRef: 'resource:default/payments-agent-dev',
    });
    expect(output.pullRequestUrl).toBeUndefined();
    const folder = 'tenants/payments/dev/payments-agent-dev';
    expect(output.files).toContain(`${folder}/resourcequota.yaml`);
    expect(Object.keys(output.rendered).sort()).toEqual(
      [...output.files].sort(),
    );
    expect(parse(output.rendered[`${folder}/namespace.yaml`])).toMatchObject({
      kind: 'Namespace',
      metadata: { name: 'payments-agent-dev' },
    });
    expect(tenancyBranches()).toEqual([]);
    const publisher = await LocalGitPublisher.open({ path: repo });
    expect(await publisher.listRequests()).toEqual([]);
    expect(requestEvents()).toHaveLength(eventsBefore);
  });

  it("refuses the guest a request for team-checkout's tenant, naming the permission, and writes nothing", async () => {
    const res = await invoke('request-namespace', {
      ...namespaceRequest,
      tenant: 'tenant:default/checkout',
    });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      'user:default/guest may not request for tenant checkout: user:default/guest is not a member of group:default/team-checkout, which owns tenant checkout, nor a platform admin (the tenancy.provision.admin permission was denied)',
    );
    expect(tenancyBranches()).toEqual([]);
    expect(requestEvents().at(-1)).toMatchObject({
      status: 'failed',
      actionType: 'namespace-create',
      requestedBy: GUEST,
      tenant: 'tenant:default/checkout',
    });
  });

  it('names the field and the rule of bad input, and writes nothing', async () => {
    const schema = await invoke('request-namespace', {
      tenant: 'payments',
      cluster: 'nonprod-eu-1',
    });
    expect(schema.status).toBe(400);
    expect(JSON.stringify(schema.body.error)).toContain('environment');

    const policy = await invoke('request-namespace', {
      ...namespaceRequest,
      environment: 'prod',
      size: 'XXL',
    });
    expect(policy.status).toBe(400);
    expect(policy.body.error.message).toMatch(
      /^The namespace request is invalid:\n/,
    );
    expect(policy.body.error.message).toMatch(/- cluster \([a-z-]+\): /);
    expect(policy.body.error.message).toMatch(/- size \([a-z-]+\): /);

    const quota = await invoke('change-namespace-quota', {
      namespace: 'payments-api-dev',
    });
    expect(quota.status).toBe(400);
    expect(quota.body.error.message).toContain(
      '- size (something-to-change): nothing to change',
    );
    expect(tenancyBranches()).toEqual([]);
  });

  it('refuses a service without a user: a request needs a requester', async () => {
    const res = await request(server)
      .post(
        '/api/tenancy/.backstage/actions/v1/actions/tenancy:request-namespace/invoke',
      )
      .set('Authorization', mockCredentials.service.header())
      .send(namespaceRequest);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('act for a user');
    expect(tenancyBranches()).toEqual([]);
  });

  it('opens a pull request for a real request, listed with its requester', async () => {
    const checked = await invoke('check-namespace-name', namespaceRequest);
    expect(checked.status).toBe(200);
    expect(checked.body.output).toMatchObject({
      namespace: 'payments-agent-dev',
      problems: [],
      available: true,
    });

    const res = await invoke('request-namespace', namespaceRequest);
    expect(res.status).toBe(200);
    const { output } = res.body;
    expect(output).toMatchObject({
      namespace: 'payments-agent-dev',
      branch: 'tenancy/payments/payments-agent-dev',
      pullRequestNumber: expect.any(Number),
      pullRequestUrl: expect.any(String),
    });
    expect(output.rendered).toBeUndefined();
    expect(requestEvents().at(-1)).toMatchObject({
      status: 'succeeded',
      actionType: 'namespace-create',
      requestedBy: GUEST,
      tenant: 'tenant:default/payments',
      entityRefs: ['resource:default/payments-agent-dev'],
      requestNumber: output.pullRequestNumber,
      created: true,
    });
    expect(tenancyBranches()).toEqual(['tenancy/payments/payments-agent-dev']);
    expect(
      git(
        repo,
        'show',
        'tenancy/payments/payments-agent-dev:tenants/payments/dev/payments-agent-dev/namespace.yaml',
      ),
    ).toContain('name: payments-agent-dev');

    // The same request again is the same pull request.
    const again = await invoke('request-namespace', namespaceRequest);
    expect(again.body.output.pullRequestNumber).toBe(output.pullRequestNumber);

    const listed = await invoke('list-tenant-requests', { tenant: 'payments' });
    expect(listed.status).toBe(200);
    expect(listed.body.output.requests).toEqual([
      expect.objectContaining({
        number: output.pullRequestNumber,
        state: 'open',
        branch: 'tenancy/payments/payments-agent-dev',
        requestedBy: GUEST,
      }),
    ]);
    const taken = await invoke('check-namespace-name', namespaceRequest);
    expect(taken.body.output.available).toBe(false);
  });

  it('lists the files a quota change and a decommission would touch, in a dry run', async () => {
    const change = await invoke('change-namespace-quota', {
      namespace: 'payments-api-dev',
      quota: { 'requests.cpu': '3' },
      dryRun: true,
    });
    expect([change.status, change.body.error?.message]).toEqual([
      200,
      undefined,
    ]);
    expect(change.body.output.files).toEqual([
      'tenants/payments/dev/payments-api-dev/resourcequota.yaml',
    ]);
    const gone = await invoke('decommission-namespace', {
      namespace: 'resource:default/payments-api-dev',
      dryRun: true,
    });
    expect(gone.status).toBe(200);
    expect(gone.body.output.files).toContain(
      'tenants/payments/dev/payments-api-dev/namespace.yaml',
    );
    expect(tenancyBranches()).toEqual(['tenancy/payments/payments-agent-dev']);
  });

  it("answers a tenant's summary and the fleet", async () => {
    const summary = await invoke('get-tenant-summary', { tenant: 'payments' });
    expect(summary.status).toBe(200);
    expect(summary.body.output).toMatchObject({
      entityRef: 'tenant:default/payments',
      totals: { applications: expect.any(Object) },
    });
    const fleet = await invoke('get-fleet-overview', {});
    expect(fleet.status).toBe(200);
    expect(
      fleet.body.output.tenants.map((t: any) => [t.entityRef, t.owner]),
    ).toEqual([
      ['tenant:default/checkout', 'group:default/team-checkout'],
      ['tenant:default/payments', 'group:default/team-payments'],
    ]);
  });
});
