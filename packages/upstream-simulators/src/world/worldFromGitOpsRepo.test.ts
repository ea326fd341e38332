import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { worldFromGitOpsRepo } from './worldFromGitOpsRepo';

const EXAMPLE = resolve(__dirname, '../../../../examples/gitops-repo');

describe('worldFromGitOpsRepo', () => {
  const dir = createMockDirectory();

  it("gives each cluster its policy engine and each namespace its Tenant's allowed registries", () => {
    cpSync(EXAMPLE, dir.path, { recursive: true });
    const tenantFile = join(dir.path, 'tenants/checkout/tenant.yaml');
    writeFileSync(
      tenantFile,
      readFileSync(tenantFile, 'utf8').replace(
        'spec:\n',
        'spec:\n  allowedRegistries: [docker.io/example/]\n',
      ),
    );
    const world = worldFromGitOpsRepo(dir.path, {
      argocd: [{ name: 'argocd', clusters: ['nonprod-eu-1', 'prod-eu-1'] }],
      cost: [],
      policyEngines: [{ engine: 'gatekeeper', clusters: ['prod-eu-1'] }],
    });
    expect(
      Object.fromEntries(world.clusters.map(c => [c.name, c.policyEngine])),
      // The example's other clusters (nonprod-eu-2, on Flux) get kyverno too.
    ).toMatchObject({ 'nonprod-eu-1': 'kyverno', 'prod-eu-1': 'gatekeeper' });
    const namespaces = world.clusters.flatMap(c => c.namespaces);
    const registries = (tenant: string) =>
      namespaces.filter(n => n.tenant === tenant).map(n => n.allowedRegistries);
    // Its three namespaces and its vCluster's host namespace.
    expect(registries('checkout')).toEqual([
      ['docker.io/example/'],
      ['docker.io/example/'],
      ['docker.io/example/'],
      ['docker.io/example/'],
    ]);
    expect(registries('payments').every(r => r === undefined)).toBe(true);
  });
});
