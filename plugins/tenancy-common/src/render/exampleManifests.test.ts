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
    // No schema in the contracts for the GeneratingPolicy: its CEL and what
    // it generates are checked in renderVClusterRegistration.test.ts.
    const kubernetes = objects.filter(
      ({ object }) =>
        !['Tenant', 'Resource', 'Kustomization', 'GeneratingPolicy'].includes(
          object.kind,
        ),
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
  it("list exactly the tenant's namespace folders on Argo CD clusters and vClusters as destinations", () => {
    const tenantsDir = join(root, 'tenants');
    for (const tenant of readdirSync(tenantsDir)) {
      const project = parseAllDocuments(
        readFileSync(join(tenantsDir, tenant, 'appproject.yaml'), 'utf8'),
      )[0].toJS();
      const expected = yamlFiles(join(tenantsDir, tenant))
        .filter(f => f.endsWith('catalog-info.yaml'))
        .map(f => parseAllDocuments(readFileSync(f, 'utf8'))[0].toJS())
        // nonprod-eu-2 is reconciled by Flux (app-config.yaml).
        .filter(
          e =>
            e.metadata.annotations['backstage.io/kubernetes-cluster'] !==
            'nonprod-eu-2',
        )
        .map(e =>
          e.spec.type === 'vcluster'
            ? // Every namespace inside the vCluster, as Argo CD knows it.
              { name: `vcluster-${e.metadata.name}`, namespace: '*' }
            : {
                name: e.metadata.annotations['backstage.io/kubernetes-cluster'],
                namespace:
                  e.metadata.annotations['backstage.io/kubernetes-namespace'],
              },
        );
      expect(expected.length).toBeGreaterThan(0);
      expect([tenant, project.spec.destinations]).toEqual([
        tenant,
        expect.arrayContaining(expected),
      ]);
      expect(project.spec.destinations).toHaveLength(expected.length);
    }
  });

  it('on the Flux cluster, one platform Kustomization per tenant environment with folders, and no Argo CD object', () => {
    const tenantsDir = join(root, 'tenants');
    const folders = new Set<string>();
    for (const f of yamlFiles(tenantsDir).filter(p =>
      p.endsWith('catalog-info.yaml'),
    )) {
      const e = parseAllDocuments(readFileSync(f, 'utf8'))[0].toJS();
      if (
        e.metadata.annotations['backstage.io/kubernetes-cluster'] !==
        'nonprod-eu-2'
      )
        continue;
      expect(readdirSync(join(f, '..'))).not.toContain('argocd');
      folders.add(
        `${e.metadata.annotations['tenancy.io/tenant']}-${e.metadata.annotations['tenancy.io/environment']}`,
      );
    }
    expect(folders.size).toBeGreaterThan(0);
    const dir = join(root, 'bootstrap/flux/nonprod-eu-2/tenants');
    const kustomizations = readdirSync(dir).map(f =>
      parseAllDocuments(readFileSync(join(dir, f), 'utf8'))[0].toJS(),
    );
    expect(kustomizations.map(k => k.metadata.name).sort()).toEqual(
      [...folders].sort().map(f => `tenancy-${f}`),
    );
    for (const k of kustomizations) {
      expect(validateAgainstContracts(k)).toEqual([]);
    }
  });
});
