import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { validateAgainstContracts } from '../__testUtils__/validateAgainstContracts';

const root = resolve(__dirname, '../../../../examples/gitops-repo');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return path.endsWith('.yaml') ? [path] : [];
  });
}

describe('examples/gitops-repo manifests', () => {
  it('every Kubernetes object validates against the upstream schemas', () => {
    const objects = yamlFiles(root).flatMap(file =>
      parseAllDocuments(readFileSync(file, 'utf8')).map(d => ({
        file,
        object: d.toJS(),
      })),
    );
    const kubernetes = objects.filter(
      ({ object }) =>
        !['Tenant', 'Resource', 'Kustomization'].includes(object.kind),
    );
    expect(kubernetes.length).toBeGreaterThan(100);
    for (const { file, object } of kubernetes) {
      expect([file, validateAgainstContracts(object)]).toEqual([file, []]);
    }
  });
});

describe('examples/gitops-repo RBAC', () => {
  it("binds every tenant group to the platform's tenant role, which the bootstrap ships", () => {
    const shipped = parseAllDocuments(
      readFileSync(
        join(root, 'bootstrap/cluster-roles/tenant-roles.yaml'),
        'utf8',
      ),
    ).map(d => d.toJS().metadata.name);
    const bindings = yamlFiles(join(root, 'tenants'))
      .filter(f => f.endsWith('rolebindings.yaml'))
      .flatMap(f => parseAllDocuments(readFileSync(f, 'utf8')))
      .map(d => d.toJS());
    expect(bindings.length).toBeGreaterThan(10);
    for (const binding of bindings) {
      expect(binding.roleRef).toEqual({
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'tenancy-tenant',
      });
    }
    expect(shipped).toContain('tenancy-tenant');
  });
});

describe('examples/gitops-repo AppProjects', () => {
  it("list exactly the tenant's namespace folders as destinations", () => {
    const tenantsDir = join(root, 'tenants');
    for (const tenant of readdirSync(tenantsDir)) {
      const project = parseAllDocuments(
        readFileSync(join(tenantsDir, tenant, 'appproject.yaml'), 'utf8'),
      )[0].toJS();
      const expected = yamlFiles(join(tenantsDir, tenant))
        .filter(f => f.endsWith('catalog-info.yaml'))
        .map(f => parseAllDocuments(readFileSync(f, 'utf8'))[0].toJS())
        .filter(e => e.spec.type === 'kubernetes-namespace')
        .map(e => ({
          name: e.metadata.annotations['backstage.io/kubernetes-cluster'],
          namespace:
            e.metadata.annotations['backstage.io/kubernetes-namespace'],
        }));
      expect(expected.length).toBeGreaterThan(0);
      expect([tenant, project.spec.destinations]).toEqual([
        tenant,
        expect.arrayContaining(expected),
      ]);
      expect(project.spec.destinations).toHaveLength(expected.length);
    }
  });
});
