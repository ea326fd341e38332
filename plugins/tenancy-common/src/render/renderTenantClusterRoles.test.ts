import { GitOpsLayout } from '../gitops/GitOpsLayout';
import { validateAgainstContracts } from '../__testUtils__/validateAgainstContracts';
import { renderBootstrap } from './renderBootstrap';
import { renderNamespaceBundle } from './renderNamespaceBundle';
import {
  renderTenantClusterRoles,
  TENANT_AGGREGATION_LABEL,
  TENANT_CLUSTER_ROLE,
} from './renderTenantClusterRoles';

const WRITE_VERBS = [
  'create',
  'update',
  'patch',
  'delete',
  'deletecollection',
  'escalate',
  'bind',
  '*',
];

/** The platform's objects a tenant must not write: group/resource. */
const PLATFORM_OWNED = [
  'networking.k8s.io/networkpolicies',
  'extensions/networkpolicies',
  '/resourcequotas',
  '/limitranges',
  'rbac.authorization.k8s.io/roles',
  'rbac.authorization.k8s.io/rolebindings',
  '/namespaces',
];

/** The (group/resource, verb) pairs of platform-owned objects a rule writes. */
function forbiddenWrites(rules: any[]): string[] {
  const found: string[] = [];
  for (const rule of rules ?? []) {
    for (const owned of PLATFORM_OWNED) {
      const [group, resource] = owned.split('/');
      const groupMatch =
        rule.apiGroups?.includes(group) || rule.apiGroups?.includes('*');
      const resourceMatch =
        rule.resources?.some(
          (r: string) =>
            r === resource || r === '*' || r.startsWith(`${resource}/`),
        ) ?? false;
      if (!groupMatch || !resourceMatch) continue;
      for (const verb of rule.verbs ?? [])
        if (WRITE_VERBS.includes(verb)) found.push(`${owned} ${verb}`);
    }
  }
  return found;
}

const bootstrap = () =>
  renderBootstrap({
    layout: GitOpsLayout.create(),
    repoURL: 'https://github.com/acme/platform-gitops',
    revision: 'main',
  });

describe('the tenant ClusterRoles', () => {
  const roles = renderTenantClusterRoles();

  it('validate against the Kubernetes RBAC schema', () => {
    expect(roles).toHaveLength(2);
    for (const role of roles) {
      expect(validateAgainstContracts(role)).toEqual([]);
    }
  });

  it('the RBAC schema check can fail', () => {
    expect(
      validateAgainstContracts({
        ...roles[1],
        rules: [{ apiGroups: [''], resource: ['pods'], verbs: ['get'] }],
      }),
    ).not.toEqual([]);
  });

  it('grant no write on NetworkPolicy, ResourceQuota, LimitRange, Role, RoleBinding or Namespace', () => {
    for (const role of roles) {
      expect([
        (role.metadata as any).name,
        forbiddenWrites(role.rules as any[]),
      ]).toEqual([(role.metadata as any).name, []]);
    }
    // The check sees the writes of the built-in edit role on NetworkPolicy.
    expect(
      forbiddenWrites([
        {
          apiGroups: ['networking.k8s.io'],
          resources: ['ingresses', 'networkpolicies'],
          verbs: ['create', 'delete', 'deletecollection', 'patch', 'update'],
        },
      ]),
    ).toHaveLength(5);
  });

  it('the tenant role aggregates view and the platform-labelled write role, nothing else', () => {
    const [tenant, edit] = roles as any[];
    expect(tenant.metadata.name).toBe(TENANT_CLUSTER_ROLE);
    expect(tenant.aggregationRule.clusterRoleSelectors).toEqual([
      {
        matchLabels: { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' },
      },
      { matchLabels: { [TENANT_AGGREGATION_LABEL]: 'true' } },
    ]);
    // The controller owns the aggregated role's rules: declaring them would
    // keep Argo CD out of sync.
    expect(tenant).not.toHaveProperty('rules');
    expect(edit.metadata.labels[TENANT_AGGREGATION_LABEL]).toBe('true');
    // Labelled for no built-in role, so edit/admin do not pick it up twice
    // and view does not gain writes.
    expect(
      Object.keys(edit.metadata.labels).filter(l =>
        l.startsWith('rbac.authorization.k8s.io/'),
      ),
    ).toEqual([]);
    // Still the workloads of edit.
    expect(edit.rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          apiGroups: ['apps'],
          resources: expect.arrayContaining(['deployments']),
          verbs: expect.arrayContaining(['create', 'update']),
        }),
        expect.objectContaining({
          apiGroups: ['networking.k8s.io'],
          resources: ['ingresses'],
        }),
      ]),
    );
  });

  it('are shipped by the bootstrap to every cluster and allowed by name in platform-tenancy', () => {
    const files = bootstrap();
    expect(files['bootstrap/cluster-roles/tenant-roles.yaml']).toEqual(roles);
    const [set] = files['bootstrap/tenancy-cluster-roles.yaml'] as any[];
    // Every cluster but the vClusters (their cluster Secrets carry the label).
    expect(set.spec.generators).toEqual([
      {
        clusters: {},
        selector: {
          matchExpressions: [
            {
              key: 'metadata.labels.tenancy.io/vcluster',
              operator: 'DoesNotExist',
            },
          ],
        },
      },
    ]);
    expect(set.spec.template.spec.source.path).toBe('bootstrap/cluster-roles');
    const [project] = files['bootstrap/platform-projects.yaml'] as any[];
    expect(project.metadata.name).toBe('platform-tenancy');
    expect(project.spec.clusterResourceWhitelist).toEqual([
      { group: '', kind: 'Namespace' },
      {
        group: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'tenancy-tenant',
      },
      {
        group: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'tenancy-tenant-edit',
      },
      // The vCluster registration's (renderVClusterRegistration).
      {
        group: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'tenancy-vcluster-argocd-clusters',
      },
      { group: 'policies.kyverno.io', kind: 'GeneratingPolicy' },
    ]);
  });

  it("a namespace bundle binds the tenant's group to the platform role", () => {
    const bundle = renderNamespaceBundle(
      {
        tenant: 'payments',
        owner: 'group:default/team-payments',
        costCenter: 'CC-1001',
        environment: 'dev',
        cluster: 'nonprod-eu-1',
        namespace: 'payments-dev',
        ssoGroup: 'sso-payments',
        clusterRoles: [TENANT_CLUSTER_ROLE],
        podSecurity: 'restricted',
        quota: { 'requests.cpu': '1' },
      },
      GitOpsLayout.create(),
    );
    const [binding] = bundle[
      'tenants/payments/dev/payments-dev/rolebindings.yaml'
    ] as any[];
    expect(binding.roleRef).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: 'tenancy-tenant',
    });
    expect(validateAgainstContracts(binding)).toEqual([]);
  });
});
