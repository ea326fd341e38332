import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { applicationsFor } from './applicationsFor';
import { SimulatedNamespace, SimulatedWorld } from './SimulatedWorld';

/** Which simulated Argo CD and cost instance covers which clusters. */
export interface InstanceLayout {
  argocd: Array<{ name: string; clusters: string[] }>;
  cost: Array<{ name: string; clusters: string[] }>;
}

const SYSTEM_NAMESPACES = ['kube-system', 'argocd', 'monitoring'];

function readManifests(file: string): any[] {
  if (!existsSync(file)) return [];
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map(doc => doc.toJSON())
    .filter(Boolean);
}

function subdirectories(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter(name =>
    statSync(join(dir, name)).isDirectory(),
  );
}

function systemNamespace(name: string): SimulatedNamespace {
  return {
    name,
    phase: 'Active',
    labels: { 'kubernetes.io/metadata.name': name },
    quotas: [],
    limitRanges: [],
  };
}

/**
 * What the clusters would hold once Argo CD has applied the GitOps repository
 * at `dir`: every namespace folder under `tenants/<tenant>/<env>/` becomes a
 * namespace with its ResourceQuota and LimitRange on the cluster its catalog
 * entity names, with one or two applications deploying into it.
 */
export function worldFromGitOpsRepo(
  dir: string,
  layout: InstanceLayout,
): SimulatedWorld {
  const clusterNames = new Set<string>(layout.argocd.flatMap(i => i.clusters));
  const namespacesByCluster = new Map<string, SimulatedNamespace[]>();
  const applications = new Map<
    string,
    SimulatedWorld['argocd'][number]['applications']
  >();

  for (const tenant of subdirectories(join(dir, 'tenants'))) {
    for (const environment of subdirectories(join(dir, 'tenants', tenant))) {
      const envDir = join(dir, 'tenants', tenant, environment);
      for (const folder of subdirectories(envDir)) {
        const nsDir = join(envDir, folder);
        const entity = readManifests(join(nsDir, 'catalog-info.yaml'))[0];
        const namespace = readManifests(join(nsDir, 'namespace.yaml'))[0];
        const cluster =
          entity?.metadata?.annotations?.['backstage.io/kubernetes-cluster'];
        if (!cluster || namespace?.kind !== 'Namespace') continue;
        const name: string = namespace.metadata.name;
        clusterNames.add(cluster);
        const quotas = readManifests(join(nsDir, 'resourcequota.yaml'))
          .filter(m => m.kind === 'ResourceQuota')
          .map(m => ({ name: m.metadata.name, hard: m.spec?.hard ?? {} }));
        const limitRanges = readManifests(join(nsDir, 'limitrange.yaml'))
          .filter(m => m.kind === 'LimitRange')
          .map(m => ({ name: m.metadata.name, limits: m.spec?.limits ?? [] }));
        const list = namespacesByCluster.get(cluster) ?? [];
        list.push({
          name,
          tenant,
          environment,
          phase: 'Active',
          labels: {
            ...(namespace.metadata.labels ?? {}),
            'kubernetes.io/metadata.name': name,
          },
          quotas,
          limitRanges,
        });
        namespacesByCluster.set(cluster, list);
        const apps = applications.get(cluster) ?? [];
        apps.push(
          ...applicationsFor({
            cluster,
            namespace: name,
            tenant,
            count: entity.spec?.type === 'vcluster' ? 1 : 2,
          }),
        );
        applications.set(cluster, apps);
      }
    }
  }

  const clusters = [...clusterNames].sort().map(name => ({
    name,
    namespaces: [
      ...SYSTEM_NAMESPACES.map(systemNamespace),
      ...(namespacesByCluster.get(name) ?? []).sort((a, b) =>
        a.name.localeCompare(b.name),
      ),
    ],
  }));
  return {
    clusters,
    argocd: layout.argocd.map(instance => ({
      name: instance.name,
      applications: instance.clusters.flatMap(c => applications.get(c) ?? []),
    })),
    cost: layout.cost,
  };
}
