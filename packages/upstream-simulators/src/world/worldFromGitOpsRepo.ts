import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { applicationsFor } from './applicationsFor';
import {
  FLUX_NAMESPACE,
  fluxHelmReleases,
  fluxKustomizations,
  fluxTenantKustomizations,
} from './fluxObjects';
import { vclusterChartPolicies } from './vclusterChartPolicies';
import {
  SimulatedApplication,
  SimulatedFluxHelmRelease,
  SimulatedFluxKustomization,
  SimulatedNamespace,
  SimulatedPolicyEngine,
  SimulatedWorld,
} from './SimulatedWorld';

/**
 * Which simulated Argo CD and cost instance covers which clusters, and
 * which policy engine runs where (`kyverno` where none is named).
 */
export interface InstanceLayout {
  argocd: Array<{ name: string; clusters: string[] }>;
  cost: Array<{ name: string; clusters: string[] }>;
  policyEngines?: Array<{ engine: SimulatedPolicyEngine; clusters: string[] }>;
  /**
   * Clusters reconciled by Flux instead of Argo CD: no Argo CD instance
   * reports their namespaces' applications; they serve Flux's Kustomizations
   * and HelmReleases.
   */
  fluxClusters?: string[];
}

const SYSTEM_NAMESPACES = ['kube-system', 'argocd', 'monitoring'];
const FLUX_SYSTEM_NAMESPACES = ['kube-system', FLUX_NAMESPACE, 'monitoring'];

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

/** A vCluster folder's Application manifest as a simulated application. */
function chartApplication(
  manifest: any,
  cluster: string,
): SimulatedApplication {
  const { repoURL, chart, targetRevision } = manifest.spec.source;
  return {
    name: manifest.metadata.name,
    project: manifest.spec.project,
    labels: manifest.metadata.labels ?? {},
    destination: { ...manifest.spec.destination, name: cluster },
    sources: [{ repoURL, chart, targetRevision }],
    multiSource: false,
  };
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
 * entity names (a vCluster's host namespace: those the vcluster chart
 * creates from its Application's Helm values), with one or two applications
 * deploying into it (a vCluster's: its chart Application, from the folder's
 * `argocd/`) and the
 * registries its Tenant (`tenant.yaml`) allows; each cluster with the policy
 * engine the layout gives it. On a cluster the layout puts on Flux
 * (`fluxClusters`) Flux applies the folders instead: no Argo CD application,
 * `flux-system` instead of `argocd`, and the cluster's Flux Kustomizations
 * (`fluxKustomizations`, then the folders' own: `fluxTenantKustomizations`)
 * and HelmReleases (`fluxHelmReleases`).
 */
export function worldFromGitOpsRepo(
  dir: string,
  layout: InstanceLayout,
): SimulatedWorld {
  const fluxClusters = new Set(layout.fluxClusters ?? []);
  const clusterNames = new Set<string>([
    ...layout.argocd.flatMap(i => i.clusters),
    ...fluxClusters,
  ]);
  // Flux clusters: the tenants and environments with folders there, and
  // the HelmReleases and tenants' own Kustomizations of those folders.
  const fluxTenantEnvs = new Map<
    string,
    Map<string, { tenant: string; environment: string }>
  >();
  const helmReleases = new Map<string, SimulatedFluxHelmRelease[]>();
  const tenantKustomizations = new Map<string, SimulatedFluxKustomization[]>();
  const namespacesByCluster = new Map<string, SimulatedNamespace[]>();
  const applications = new Map<
    string,
    SimulatedWorld['argocd'][number]['applications']
  >();

  for (const tenant of subdirectories(join(dir, 'tenants'))) {
    const allowedRegistries: string[] | undefined = readManifests(
      join(dir, 'tenants', tenant, 'tenant.yaml'),
    )[0]?.spec?.allowedRegistries;
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
        // A vCluster folder's chart Application (argocd/), as Argo CD has it.
        const chartApp = readManifests(
          join(nsDir, 'argocd', 'vcluster-application.yaml'),
        ).find(m => m.kind === 'Application');
        // What the vcluster chart creates from the Application's Helm values.
        if (chartApp) {
          const chartPolicies = vclusterChartPolicies(
            chartApp.spec?.source?.helm?.releaseName ?? chartApp.metadata.name,
            chartApp.spec?.source?.targetRevision,
            chartApp.spec?.source?.helm?.valuesObject,
          );
          quotas.push(...chartPolicies.quotas);
          limitRanges.push(...chartPolicies.limitRanges);
        }
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
          ...(allowedRegistries ? { allowedRegistries } : {}),
          ...(entity.spec?.type === 'vcluster'
            ? {
                vcluster: entity.metadata.name,
                vclusterChartVersion: chartApp?.spec?.source?.targetRevision,
              }
            : {}),
        });
        namespacesByCluster.set(cluster, list);
        if (fluxClusters.has(cluster)) {
          // Flux applies the folder; no Argo CD application deploys into it.
          const envs = fluxTenantEnvs.get(cluster) ?? new Map();
          envs.set(`${tenant}/${environment}`, { tenant, environment });
          fluxTenantEnvs.set(cluster, envs);
          helmReleases.set(cluster, [
            ...(helmReleases.get(cluster) ?? []),
            ...fluxHelmReleases(nsDir, name, chartApp),
          ]);
          tenantKustomizations.set(cluster, [
            ...(tenantKustomizations.get(cluster) ?? []),
            ...fluxTenantKustomizations(
              nsDir,
              name,
              `tenancy-${tenant}-${environment}`,
            ),
          ]);
          continue;
        }
        const apps = applications.get(cluster) ?? [];
        apps.push(
          ...(chartApp
            ? [chartApplication(chartApp, cluster)]
            : applicationsFor({
                cluster,
                namespace: name,
                tenant,
                count: entity.spec?.type === 'vcluster' ? 1 : 2,
              })),
        );
        applications.set(cluster, apps);
      }
    }
  }

  const clusters = [...clusterNames].sort().map(name => ({
    name,
    policyEngine:
      layout.policyEngines?.find(p => p.clusters.includes(name))?.engine ??
      'kyverno',
    ...(fluxClusters.has(name)
      ? {
          gitopsEngine: 'flux' as const,
          flux: {
            kustomizations: [
              ...fluxKustomizations(dir, name, [
                ...(fluxTenantEnvs.get(name)?.values() ?? []),
              ]),
              ...(tenantKustomizations.get(name) ?? []).sort((a, b) =>
                `${a.namespace}/${a.name}`.localeCompare(
                  `${b.namespace}/${b.name}`,
                ),
              ),
            ],
            helmReleases: (helmReleases.get(name) ?? []).sort((a, b) =>
              `${a.namespace}/${a.name}`.localeCompare(
                `${b.namespace}/${b.name}`,
              ),
            ),
          },
        }
      : {}),
    namespaces: [
      ...(fluxClusters.has(name)
        ? FLUX_SYSTEM_NAMESPACES
        : SYSTEM_NAMESPACES
      ).map(systemNamespace),
      ...(namespacesByCluster.get(name) ?? []).sort((a, b) =>
        a.name.localeCompare(b.name),
      ),
    ],
  }));
  return {
    clusters,
    argocd: layout.argocd.map(instance => ({
      name: instance.name,
      // A Flux cluster listed for an instance still has no applications.
      applications: instance.clusters.flatMap(c => applications.get(c) ?? []),
    })),
    cost: layout.cost,
  };
}
