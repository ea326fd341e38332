import { parse } from 'yaml';
import { GitOpsLayout } from '../gitops/GitOpsLayout';
import { validateAgainstContracts } from '../__testUtils__/validateAgainstContracts';
import { renderBootstrap } from './renderBootstrap';
import {
  changeVClusterProjectFile,
  renderVClusterProject,
  VCLUSTER_PROJECT_FILE,
  vclusterClusterRoleName,
} from './renderVClusterProject';
import { serializeManifests } from './serializeManifests';

const RBAC = 'rbac.authorization.k8s.io';
const options = {
  project: 'platform-vclusters',
  chartRepo: 'https://charts.loft.sh',
};
const sandbox = {
  cluster: 'nonprod-eu-1',
  namespace: 'data-platform-vc-sandbox-dev',
};
const training = { cluster: 'gpu-eu-1', namespace: 'ml-vc-training-dev' };

describe('the vClusters AppProject', () => {
  it('allows only the host namespaces and the chart ClusterRole/Binding of each, by name, and Argo CD accepts it', () => {
    const project = renderVClusterProject({
      name: 'platform-vclusters',
      chartRepo: options.chartRepo,
      vclusters: [sandbox, training],
    }) as any;
    expect(validateAgainstContracts(project)).toEqual([]);
    expect(project.spec.sourceRepos).toEqual(['https://charts.loft.sh']);
    expect(project.spec.destinations).toEqual([
      { name: 'gpu-eu-1', namespace: 'ml-vc-training-dev' },
      { name: 'nonprod-eu-1', namespace: 'data-platform-vc-sandbox-dev' },
    ]);
    const sandboxRole =
      'vc-data-platform-vc-sandbox-dev-v-data-platform-vc-sandbox-dev';
    expect(project.spec.clusterResourceWhitelist).toEqual([
      {
        group: RBAC,
        kind: 'ClusterRole',
        name: 'vc-ml-vc-training-dev-v-ml-vc-training-dev',
      },
      {
        group: RBAC,
        kind: 'ClusterRoleBinding',
        name: 'vc-ml-vc-training-dev-v-ml-vc-training-dev',
      },
      { group: RBAC, kind: 'ClusterRole', name: sandboxRole },
      { group: RBAC, kind: 'ClusterRoleBinding', name: sandboxRole },
    ]);
    // No wildcard anywhere.
    expect(JSON.stringify(project.spec)).not.toContain('*');
    // Argo CD's schema requires group and kind of a whitelist entry.
    expect(
      validateAgainstContracts({
        ...project,
        spec: { ...project.spec, clusterResourceWhitelist: [{ name: 'x' }] },
      }),
    ).not.toEqual([]);
  });

  it('names the ClusterRole as the chart does, cut to 63 characters', () => {
    const ns = 'a-very-long-tenant-name-vc-some-long-name-staging';
    const name = vclusterClusterRoleName(ns, ns);
    expect(name).toHaveLength(63);
    expect(name.startsWith(`vc-${ns}-v-`)).toBe(true);
    expect(vclusterClusterRoleName('ab', 'x'.repeat(56))).toBe(
      `vc-ab-v-${'x'.repeat(55)}`.slice(0, 63),
    );
    // One trailing '-' dropped, as Helm's trimSuffix does.
    expect(vclusterClusterRoleName('a'.repeat(58), 'b')).toBe(
      `vc-${'a'.repeat(58)}-v`,
    );
  });

  it('a vCluster request adds its host namespace to the project on the base branch, keeping the rest', () => {
    const created = changeVClusterProjectFile({
      ...options,
      current: undefined,
      add: sandbox,
    });
    expect(Object.keys(created)).toEqual([VCLUSTER_PROJECT_FILE]);
    const base = parse(created[VCLUSTER_PROJECT_FILE]);
    base.spec.description = 'edited by the platform team';
    const current = serializeManifests([base]);
    const changed = changeVClusterProjectFile({
      ...options,
      current,
      add: training,
    });
    const next = parse(changed[VCLUSTER_PROJECT_FILE]);
    expect(next.spec.description).toBe('edited by the platform team');
    expect(next.spec.destinations).toEqual([
      { name: 'nonprod-eu-1', namespace: 'data-platform-vc-sandbox-dev' },
      { name: 'gpu-eu-1', namespace: 'ml-vc-training-dev' },
    ]);
    expect(next.spec.clusterResourceWhitelist).toHaveLength(4);
    expect(validateAgainstContracts(next)).toEqual([]);
    // The same vCluster again: nothing to change.
    expect(
      changeVClusterProjectFile({
        ...options,
        current: changed[VCLUSTER_PROJECT_FILE],
        add: training,
      }),
    ).toEqual({});
  });

  it('is kept applied by the bootstrap, which has no vClusters project with wildcards', () => {
    const files = renderBootstrap({
      layout: GitOpsLayout.create(),
      repoURL: 'https://github.com/acme/platform-gitops',
      revision: 'main',
    });
    const projects = Object.values(files)
      .flat()
      .filter((o: any) => o.kind === 'AppProject') as any[];
    expect(projects.map(p => p.metadata.name)).toEqual(['platform-tenancy']);
    const [app] = files['bootstrap/tenancy-platform.yaml'] as any[];
    expect(app.spec.source).toMatchObject({
      path: 'bootstrap',
      directory: { include: 'platform-vclusters.yaml' },
    });
    expect(app.spec.destination).toEqual({
      name: 'in-cluster',
      namespace: 'argocd',
    });
  });
});
