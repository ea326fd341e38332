import { recordAuditEvents } from './recordAuditEvents';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  GitOpsLayout,
  prepareNamespaceCreate,
  renderNamespaceEntity,
  renderTenantAppProject,
  serializeManifests,
  TenancyPolicy,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { stringify } from 'yaml';
import { LocalGitPublisher } from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { createNamespaceCreateAction } from '../namespaceCreate';
import { createNamespaceDeleteAction } from '../namespaceDelete';
import { createNamespaceUpdateAction } from '../namespaceUpdate';
import { createVClusterCreateAction } from '../vclusterCreate';
import { createTenantCreateAction } from '../tenantCreate';
import { createTenantExceptionAction } from '../tenantException';
import { createNamespaceAdoptAction } from '../namespaceAdopt';

export const policy: TenancyPolicy = {
  environments: {
    dev: {
      clusters: ['nonprod-eu-1'],
      podSecurity: 'baseline',
      ceiling: {
        'requests.cpu': '8',
        'limits.cpu': '16',
        'requests.memory': '32Gi',
        'limits.memory': '64Gi',
        pods: '100',
      },
    },
    // On nonprod-eu-2, reconciled by Flux.
    qa: {
      clusters: ['nonprod-eu-2'],
      podSecurity: 'baseline',
      ceiling: {
        'requests.cpu': '8',
        'limits.cpu': '16',
        'requests.memory': '32Gi',
        'limits.memory': '64Gi',
        pods: '100',
      },
    },
    prod: {
      clusters: ['prod-eu-1'],
      podSecurity: 'restricted',
      ceiling: {
        'requests.cpu': '32',
        'limits.cpu': '64',
        'requests.memory': '128Gi',
        'limits.memory': '256Gi',
        pods: '500',
      },
    },
  },
  clusters: { 'nonprod-eu-2': { engine: 'flux' } },
  reservedNamespaces: ['default', 'kube-system'],
  reservedPrefixes: ['kube-'],
  nodePools: ['general', 'gpu'],
  quotaSizes: {
    S: {
      'requests.cpu': '1',
      'limits.cpu': '2',
      'requests.memory': '2Gi',
      'limits.memory': '4Gi',
      pods: '20',
    },
    M: {
      'requests.cpu': '2',
      'limits.cpu': '4',
      'requests.memory': '4Gi',
      'limits.memory': '8Gi',
      pods: '30',
    },
  },
  clusterRoles: ['edit'],
  argocd: { sourceRepos: ['https://git.example.com/{tenant}/deploy.git'] },
  vcluster: {
    chartRepo: 'https://charts.loft.sh',
    chartVersion: '0.36.1',
    project: 'platform-vclusters',
    kubeconfigReader: {
      kind: 'ServiceAccount',
      name: 'backstage-tenancy',
      namespace: 'backstage',
    },
  },
};

const tenant = (
  name: string,
  owner: string,
  spec: Record<string, unknown> = {},
): Entity => ({
  apiVersion: 'tenancy.io/v1alpha1',
  kind: 'Tenant',
  metadata: { name, namespace: 'default' },
  spec: {
    owner,
    costCenter: 'CC-1001',
    ssoGroup: `${name}-developers`,
    environments: ['dev', 'qa', 'prod'],
    ...spec,
  },
});

/** The actions wired to an in-memory catalog and a real local git repository. */
export async function setUpAction(options: {
  root: string;
  member?: boolean;
  admin?: boolean;
  /** Seed payments-dev as a whole bundle (quota, LimitRange, labels), as a merged request leaves it. */
  bundle?: boolean;
  /** spec.quotaBudget of tenant payments. */
  budget?: Record<string, string>;
  /** spec.allowedRegistries of tenant payments in its tenant.yaml. */
  allowedRegistries?: string[];
  /** tenancy.policy.guardrails.allowedRegistries (guardrails unset without it). */
  platformRegistries?: string[];
  /** tenancy.policy.guardrails.engine with platformRegistries; kyverno by default. */
  engine?: 'kyverno' | 'gatekeeper' | 'validating-admission-policy';
}) {
  const repo = join(options.root, 'repo');
  const seed = join(options.root, 'seed');
  await fs.mkdir(join(seed, 'tenants/payments/dev/payments-dev'), {
    recursive: true,
  });
  await fs.writeFile(
    join(seed, 'tenants/payments/dev/payments-dev/namespace.yaml'),
    stringify({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'payments-dev' },
    }),
  );
  if (options.bundle) {
    const bundle = prepareNamespaceCreate(
      {
        tenant: 'payments',
        environment: 'dev',
        cluster: 'nonprod-eu-1',
        size: 'S',
        limits: { max: { cpu: '1500m' } },
        labels: { team: 'payments' },
      },
      {
        tenant: tenant('payments', 'group:default/team-payments') as any,
        owner: 'group:default/team-payments',
        context: {
          policy,
          layout: GitOpsLayout.create(),
          tenants: ['payments'],
          requestedBy: 'user:default/alex',
        },
      },
    );
    for (const [path, text] of Object.entries(bundle.files)) {
      await fs.mkdir(join(seed, path, '..'), { recursive: true });
      await fs.writeFile(join(seed, path), text);
    }
  }
  await fs.writeFile(
    join(seed, 'tenants/payments/appproject.yaml'),
    serializeManifests([
      renderTenantAppProject({
        tenant: 'payments',
        ssoGroup: 'payments-developers',
        sourceRepos: ['https://git.example.com/payments/deploy.git'],
        destinations: [{ cluster: 'nonprod-eu-1', namespace: 'payments-dev' }],
      }),
    ]),
  );
  const payments = tenant('payments', 'group:default/team-payments', {
    ...(options.budget ? { quotaBudget: options.budget } : {}),
    ...(options.allowedRegistries
      ? { allowedRegistries: options.allowedRegistries }
      : {}),
  });
  await fs.writeFile(
    join(seed, 'tenants/payments/tenant.yaml'),
    serializeManifests([payments]),
  );
  const publisher = await LocalGitPublisher.open({
    path: repo,
    seedFrom: seed,
  });

  const permissions = mockServices.permissions.mock();
  permissions.authorize.mockResolvedValue([
    { result: options.admin ? AuthorizeResult.ALLOW : AuthorizeResult.DENY },
  ]);
  const catalog = catalogServiceMock({
    entities: [
      payments,
      tenant('checkout', 'team-checkout'),
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'team-payments', namespace: 'default' },
        spec: { type: 'team', children: [] },
      },
      tenant('data-platform', 'group:default/team-payments', {
        isolation: 'both',
      }),
      renderNamespaceEntity({
        tenant: 'payments',
        owner: 'group:default/team-payments',
        costCenter: 'CC-1001',
        environment: 'dev',
        cluster: 'nonprod-eu-1',
        namespace: 'payments-dev',
      }),
      renderNamespaceEntity(
        {
          tenant: 'payments',
          owner: 'group:default/team-payments',
          costCenter: 'CC-1001',
          environment: 'dev',
          cluster: 'nonprod-eu-1',
          namespace: 'payments-vc-box-dev',
        },
        { type: 'vcluster' },
      ),
      // The vCluster the vCluster action's default request makes, once merged.
      renderNamespaceEntity(
        {
          tenant: 'data-platform',
          owner: 'group:default/team-payments',
          costCenter: 'CC-1001',
          environment: 'dev',
          cluster: 'nonprod-eu-1',
          namespace: 'data-platform-vc-sandbox-dev',
        },
        { type: 'vcluster' },
      ),
    ],
  });
  const userInfo = mockServices.userInfo({
    userEntityRef: 'user:default/alex',
    ownershipEntityRefs: [
      'user:default/alex',
      ...(options.member === false ? [] : ['group:default/team-payments']),
    ],
  });
  const layout = GitOpsLayout.create();
  const audit = recordAuditEvents();
  const deps = {
    catalog,
    userInfo,
    permissions,
    auditor: audit.auditor,
    layout,
    policy: options.platformRegistries
      ? {
          ...policy,
          guardrails: {
            engine: options.engine ?? ('kyverno' as const),
            allowedRegistries: options.platformRegistries,
            disallowLatestTagIn: ['prod'],
            enforceIn: ['prod'],
            controllerUsers: [],
          },
        }
      : policy,
    publisher,
  };
  const action = createNamespaceCreateAction(deps);
  const deleteAction = createNamespaceDeleteAction(deps);
  const updateAction = createNamespaceUpdateAction(deps);
  const vclusterAction = createVClusterCreateAction(deps);
  const tenantAction = createTenantCreateAction(deps);
  const exceptionAction = createTenantExceptionAction(deps);
  const adoptAction = createNamespaceAdoptAction({
    ...deps,
    discovery: mockServices.discovery(),
    auth: mockServices.auth({ pluginId: 'scaffolder' }),
  });
  return {
    exceptionAction,
    adoptAction,
    tenantAction,
    action,
    deleteAction,
    updateAction,
    vclusterAction,
    publisher,
    repo,
    permissions,
    auditEvents: audit.events,
  };
}
