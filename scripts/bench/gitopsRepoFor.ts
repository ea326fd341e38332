/*
 * A GitOps repository for a generated world, for bench-aggregation.ts: one
 * namespace folder per tenant namespace (catalog-info.yaml, namespace.yaml,
 * resourcequota.yaml, limitrange.yaml) as the layout of docs/gitops-layout.md
 * has them, committed to a local git repository the backend's local
 * publisher reads.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { SimulatedWorld } from '@internal/upstream-simulators';

export async function gitopsRepoFor(
  world: SimulatedWorld,
  dir: string,
): Promise<void> {
  for (const cluster of world.clusters) {
    for (const ns of cluster.namespaces) {
      if (!ns.tenant) continue;
      const folder = join(
        dir,
        'tenants',
        ns.tenant,
        ns.environment ?? 'dev',
        ns.name,
      );
      await fs.mkdir(folder, { recursive: true });
      const files: Record<string, object> = {
        'catalog-info.yaml': {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Resource',
          metadata: {
            name: ns.name,
            annotations: {
              'tenancy.io/tenant': ns.tenant,
              'backstage.io/kubernetes-namespace': ns.name,
              'backstage.io/kubernetes-cluster': cluster.name,
            },
          },
          spec: {
            type: 'kubernetes-namespace',
            owner: `group:default/team-${ns.tenant}`,
          },
        },
        'namespace.yaml': {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: { name: ns.name, labels: ns.labels },
        },
        'resourcequota.yaml': {
          apiVersion: 'v1',
          kind: 'ResourceQuota',
          metadata: { name: ns.quotas[0]?.name, namespace: ns.name },
          spec: { hard: ns.quotas[0]?.hard },
        },
        'limitrange.yaml': {
          apiVersion: 'v1',
          kind: 'LimitRange',
          metadata: { name: ns.limitRanges[0]?.name, namespace: ns.name },
          spec: { limits: ns.limitRanges[0]?.limits },
        },
      };
      for (const [name, manifest] of Object.entries(files)) {
        await fs.writeFile(join(folder, name), stringify(manifest));
      }
    }
  }
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '--quiet', '--initial-branch=main');
  git('add', '--all');
  git(
    '-c',
    'user.name=bench',
    '-c',
    'user.email=bench@example.com',
    'commit',
    '--quiet',
    '-m',
    'Generated GitOps repository',
  );
}
