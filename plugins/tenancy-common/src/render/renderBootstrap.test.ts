import { GitOpsLayout } from '../gitops/GitOpsLayout';
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
      'ApplicationSet',
      'ApplicationSet',
      'ClusterRole',
      'ClusterRole',
    ]);
    for (const object of objects) {
      expect([object.kind, validateAgainstContracts(object)]).toEqual([
        object.kind,
        [],
      ]);
    }
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
});
