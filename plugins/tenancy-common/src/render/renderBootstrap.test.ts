import { GitOpsLayout } from '../gitops/GitOpsLayout';
import type { GuardrailsEngine } from '../policy/TenancyPolicy';
import { validateAgainstContracts } from '../__testUtils__/validateAgainstContracts';
import { renderBootstrap } from './renderBootstrap';

describe('renderBootstrap', () => {
  const bootstrap = (tenantsPath?: string) =>
    renderBootstrap({
      layout: GitOpsLayout.create({ tenantsPath }),
      repoURL: 'https://github.com/acme/platform-gitops',
      revision: 'main',
    });

  it('renders objects the Argo CD API accepts', () => {
    const objects = Object.values(bootstrap()).flat();
    expect(objects.map(o => o.kind).sort()).toEqual([
      'AppProject',
      'Application',
      'Application',
      'Application',
      'ApplicationSet',
      'ApplicationSet',
      'ClusterRole',
      'ClusterRole',
      'ClusterRole',
      'GeneratingPolicy',
      'Role',
      'RoleBinding',
    ]);
    // The contracts have no GeneratingPolicy CRD: its CEL and what it
    // generates are checked in renderVClusterRegistration.test.ts.
    for (const object of objects.filter(o => o.kind !== 'GeneratingPolicy')) {
      expect([object.kind, validateAgainstContracts(object)]).toEqual([
        object.kind,
        [],
      ]);
    }
  });

  it('keeps the vCluster registration applied to the cluster Argo CD runs in, allowed by the platform project', () => {
    const files = bootstrap();
    const [app] = files[
      'bootstrap/tenancy-vcluster-registration.yaml'
    ] as any[];
    expect(app.spec).toMatchObject({
      project: 'platform-tenancy',
      source: { path: 'bootstrap/vcluster-registration' },
      destination: { name: 'in-cluster' },
    });
    const registration = files[
      'bootstrap/vcluster-registration/argocd-clusters.yaml'
    ] as any[];
    expect(registration.map(o => o.kind)).toEqual([
      'GeneratingPolicy',
      'ClusterRole',
      'Role',
      'RoleBinding',
    ]);
    const [project] = files['bootstrap/platform-projects.yaml'] as any[];
    expect(project.spec.clusterResourceWhitelist).toEqual(
      expect.arrayContaining([
        { group: 'policies.kyverno.io', kind: 'GeneratingPolicy' },
        {
          group: 'rbac.authorization.k8s.io',
          kind: 'ClusterRole',
          name: 'tenancy-vcluster-argocd-clusters',
        },
      ]),
    );
    expect(project.spec.namespaceResourceWhitelist).toContainEqual({
      group: 'rbac.authorization.k8s.io',
      kind: 'Role',
    });
  });

  it('the ApplicationSet check can fail', () => {
    const [set] = bootstrap()['bootstrap/tenancy-namespaces.yaml'] as any[];
    expect(
      validateAgainstContracts({
        ...set,
        spec: { ...set.spec, generator: [] },
      }),
    ).not.toEqual([]);
  });

  it('follows the configured layout', () => {
    const [set] = bootstrap('teams')[
      'bootstrap/tenancy-namespaces.yaml'
    ] as any[];
    expect(set.spec.generators[0].git.files).toEqual([
      { path: 'teams/*/*/*/catalog-info.yaml' },
    ]);
    const [app] = bootstrap('teams')['bootstrap/tenancy-argocd.yaml'] as any[];
    expect(app.spec.source.path).toBe('teams');
  });

  describe('guardrails', () => {
    const withEngine = (engine: GuardrailsEngine) =>
      renderBootstrap({
        layout: GitOpsLayout.create({ tenantsPath: 'teams' }),
        repoURL: 'https://github.com/acme/platform-gitops',
        revision: 'main',
        policy: {
          costCenterPattern: 'CC-[0-9]{4}',
          guardrails: {
            engine,
            allowedRegistries: ['registry.acme.internal/'],
            disallowLatestTagIn: ['prod'],
            enforceIn: ['prod'],
            controllerUsers: [
              'system:serviceaccount:argocd:argocd-application-controller',
            ],
          },
        },
      });

    it('ships none for engine none', () => {
      expect(Object.keys(withEngine('none')).sort()).toEqual(
        Object.keys(bootstrap()).sort(),
      );
    });

    it.each([
      ['kyverno', ['ValidatingPolicy']],
      [
        'validating-admission-policy',
        ['ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding'],
      ],
      ['gatekeeper', ['ConstraintTemplate', '*']],
    ] as const)(
      "applies the %s policies and the tenants' own to every cluster, allowed by the platform project",
      (engine, kinds) => {
        const files = withEngine(engine);
        const policies = files['bootstrap/guardrails/baseline.yaml'] as any[];
        expect(policies.length).toBeGreaterThan(0);
        const [set] = files['bootstrap/tenancy-guardrails.yaml'] as any[];
        expect(validateAgainstContracts(set)).toEqual([]);
        // Every cluster but the vClusters, as for the tenant ClusterRoles.
        const [roles] = files['bootstrap/tenancy-cluster-roles.yaml'] as any[];
        expect(set.spec.generators).toEqual(roles.spec.generators);
        expect(set.spec.template.spec.sources).toEqual([
          expect.objectContaining({ path: 'bootstrap/guardrails' }),
          expect.objectContaining({
            path: 'teams',
            directory: { recurse: true, include: '*/guardrails.yaml' },
          }),
        ]);
        const [project] = files['bootstrap/platform-projects.yaml'] as any[];
        expect(validateAgainstContracts(project)).toEqual([]);
        const allowed = project.spec.clusterResourceWhitelist.map(
          (k: any) => k.kind,
        );
        expect(allowed).toEqual(expect.arrayContaining([...kinds]));
        // Every cluster-scoped kind of the policies is allowed.
        for (const policy of policies) {
          expect(
            project.spec.clusterResourceWhitelist.some(
              (k: any) =>
                k.group === policy.apiVersion.split('/')[0] &&
                (k.kind === policy.kind || k.kind === '*'),
            ),
          ).toBe(true);
        }
      },
    );
  });
});
