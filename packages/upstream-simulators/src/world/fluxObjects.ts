import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  SimulatedFluxHelmRelease,
  SimulatedFluxKustomization,
  SimulatedFluxObject,
} from './SimulatedWorld';

/** The namespace Flux runs in and the platform's Kustomizations live in. */
export const FLUX_NAMESPACE = 'flux-system';

/** Labels kustomize-controller puts on what a Kustomization applies. */
const appliedByLabels = (name: string) => ({
  'kustomize.toolkit.fluxcd.io/name': name,
  'kustomize.toolkit.fluxcd.io/namespace': FLUX_NAMESPACE,
});

function manifestsOf(file: string): any[] {
  try {
    return parseAllDocuments(readFileSync(file, 'utf8'))
      .map(doc => doc.toJSON())
      .filter(m => m && typeof m === 'object' && m.apiVersion && m.kind);
  } catch {
    return [];
  }
}

const isDir = (path: string) =>
  existsSync(path) && statSync(path).isDirectory();
const isYaml = (name: string) => /\.ya?ml$/.test(name);

/**
 * The Kubernetes objects Flux applies from a folder: a `kustomization.yaml`'s
 * resources, or, without one, every manifest of the folder and its
 * subfolders (a subfolder with a `kustomization.yaml` taken as a whole), as
 * kustomize-controller generates a kustomization for such a path. Backstage
 * entities and kustomize's own files are left out.
 */
export function objectsAt(dir: string): any[] {
  if (!isDir(dir)) return [];
  const kustomization = ['kustomization.yaml', 'kustomization.yml']
    .map(f => join(dir, f))
    .find(existsSync);
  if (kustomization) {
    const resources: unknown = manifestsOf(kustomization)[0]?.resources;
    return (Array.isArray(resources) ? resources : [])
      .filter((r): r is string => typeof r === 'string' && !r.includes('://'))
      .flatMap(r => {
        const path = join(dir, r);
        if (isDir(path)) return objectsAt(path);
        return existsSync(path) ? manifestsOf(path) : [];
      });
  }
  return readdirSync(dir)
    .sort()
    .flatMap(name => {
      const path = join(dir, name);
      if (isDir(path)) return objectsAt(path);
      return isYaml(name) ? manifestsOf(path) : [];
    })
    .filter(
      m =>
        !String(m.apiVersion).startsWith('backstage.io/') &&
        !String(m.apiVersion).startsWith('kustomize.config.k8s.io/'),
    );
}

const asObject = (m: any): SimulatedFluxObject => ({
  apiVersion: m.apiVersion,
  kind: m.kind,
  name: m.metadata?.name ?? '',
  ...(m.metadata?.namespace ? { namespace: m.metadata.namespace } : {}),
});

/** A folder's path relative to the repository, as a Kustomization's `spec.path` gives it. */
const repoPath = (path: string) =>
  `./${posix.normalize(path.replace(/^\.\//, '')).replace(/\/$/, '')}`;

/** What `renderFluxBootstrap` renders for a tenant and environment. */
function tenantKustomizationSpec(path: string) {
  return {
    interval: '10m',
    retryInterval: '2m',
    timeout: '5m',
    sourceRef: { kind: 'GitRepository', name: 'tenancy-platform' },
    path,
    prune: true,
    wait: true,
    serviceAccountName: 'kustomize-controller',
    dependsOn: [{ name: 'tenancy-cluster-roles' }],
  };
}

/**
 * The Flux Kustomizations of a cluster reconciled by Flux, from the GitOps
 * repository at `dir`: Flux's own `flux-system` (applying
 * `bootstrap/flux/<cluster>`), the Kustomizations that folder holds, and a
 * `tenancy-<tenant>-<env>` for each tenant and environment with namespace
 * folders on the cluster (`tenantEnvironments`), its spec the bootstrap's
 * when the folder has it, otherwise as `renderFluxBootstrap` renders it.
 * A bootstrap Kustomization whose path has no folder is `pathMissing`.
 */
export function fluxKustomizations(
  dir: string,
  cluster: string,
  tenantEnvironments: Array<{ tenant: string; environment: string }>,
): SimulatedFluxKustomization[] {
  const bootstrapDir = join(dir, 'bootstrap', 'flux', cluster);
  const bootstrapFiles = isDir(bootstrapDir)
    ? readdirSync(bootstrapDir)
        .filter(isYaml)
        .sort()
        .flatMap(f => manifestsOf(join(bootstrapDir, f)))
    : [];
  const bootstrap = new Map<string, any>(
    bootstrapFiles
      .filter(
        m =>
          m.kind === 'Kustomization' &&
          String(m.apiVersion).startsWith('kustomize.toolkit.fluxcd.io/') &&
          (m.metadata?.namespace ?? FLUX_NAMESPACE) === FLUX_NAMESPACE &&
          m.metadata?.name,
      )
      .map(m => [m.metadata.name, m]),
  );
  const inventoryAt = (path: string) =>
    objectsAt(join(dir, path)).map(asObject);
  const out: SimulatedFluxKustomization[] = [
    {
      name: FLUX_NAMESPACE,
      labels: appliedByLabels(FLUX_NAMESPACE),
      spec: {
        interval: '10m',
        path: repoPath(`bootstrap/flux/${cluster}`),
        prune: true,
        serviceAccountName: 'kustomize-controller',
        sourceRef: { kind: 'GitRepository', name: FLUX_NAMESPACE },
      },
      inventory: bootstrapFiles.map(asObject),
    },
  ];
  const wanted = new Map(
    tenantEnvironments.map(te => [
      `tenancy-${te.tenant}-${te.environment}`,
      te,
    ]),
  );
  for (const [name, manifest] of bootstrap) {
    if (name === FLUX_NAMESPACE || wanted.has(name)) continue;
    const path = String(manifest.spec?.path ?? '.');
    out.push({
      name,
      labels: {
        ...manifest.metadata.labels,
        ...appliedByLabels(FLUX_NAMESPACE),
      },
      spec: manifest.spec ?? {},
      inventory: inventoryAt(path),
      ...(isDir(join(dir, path)) ? {} : { pathMissing: true }),
    });
  }
  if (wanted.size && !bootstrap.has('tenancy-cluster-roles')) {
    out.push({
      name: 'tenancy-cluster-roles',
      labels: appliedByLabels(FLUX_NAMESPACE),
      spec: {
        ...tenantKustomizationSpec('./bootstrap/cluster-roles'),
        dependsOn: undefined,
      },
      inventory: inventoryAt('bootstrap/cluster-roles'),
    });
  }
  for (const [name, { tenant, environment }] of wanted) {
    const manifest = bootstrap.get(name);
    const path = manifest?.spec?.path ?? `./tenants/${tenant}/${environment}`;
    out.push({
      name,
      labels: {
        'tenancy.io/tenant': tenant,
        'tenancy.io/environment': environment,
        ...manifest?.metadata?.labels,
        ...appliedByLabels(FLUX_NAMESPACE),
      },
      spec: manifest?.spec ?? tenantKustomizationSpec(path),
      inventory: inventoryAt(path),
    });
  }
  for (const k of out) {
    k.spec = JSON.parse(JSON.stringify(k.spec));
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

const isFluxObject = (m: any, group: string, ...kinds: string[]) =>
  kinds.includes(m.kind) &&
  String(m.apiVersion).startsWith(`${group}.toolkit.fluxcd.io/`);

/**
 * How a source's revisions begin: `<branch>@sha1` for a GitRepository
 * (its tag when it follows one), `<tag>@sha256` for an OCIRepository.
 */
function sourceRevision(source: any): string | undefined {
  const ref = source?.spec?.ref ?? {};
  if (source?.kind === 'GitRepository') {
    return `${ref.branch ?? ref.tag ?? 'main'}@sha1`;
  }
  if (source?.kind === 'OCIRepository') {
    return `${ref.tag ?? 'latest'}@sha256`;
  }
  return undefined;
}

/**
 * The Flux Kustomizations a namespace folder on a Flux cluster holds (a
 * tenant's delivery, `flux-delivery.yaml` as `renderFluxTenantDelivery`
 * renders it), as they are once `appliedBy` (the platform's
 * `tenancy-<tenant>-<env>`) has applied the folder: in their own namespace
 * (the folder's when the manifest has none), with the spec the folder gives
 * and the revision format of the source they name in it. What they apply
 * comes from the tenant's repository, not this one: no inventory.
 */
export function fluxTenantKustomizations(
  nsDir: string,
  namespace: string,
  appliedBy: string,
): SimulatedFluxKustomization[] {
  const objects = objectsAt(nsDir);
  const namespaceOf = (m: any): string => m.metadata?.namespace ?? namespace;
  return objects
    .filter(m => isFluxObject(m, 'kustomize', 'Kustomization'))
    .filter(m => m.metadata?.name)
    .map(m => {
      const ns = namespaceOf(m);
      const ref = m.spec?.sourceRef ?? {};
      const source = objects.find(
        o =>
          isFluxObject(o, 'source', 'GitRepository', 'OCIRepository') &&
          o.kind === ref.kind &&
          o.metadata?.name === ref.name &&
          namespaceOf(o) === (ref.namespace ?? ns),
      );
      const revision = sourceRevision(source);
      return {
        name: m.metadata.name,
        namespace: ns,
        labels: {
          ...m.metadata.labels,
          ...appliedByLabels(appliedBy),
        },
        spec: JSON.parse(JSON.stringify(m.spec ?? {})),
        ...(revision ? { revision } : {}),
        inventory: [],
      };
    });
}

/**
 * The HelmReleases of a namespace folder on a Flux cluster: those its
 * manifests hold, or, for a vCluster folder with an Argo CD chart
 * Application (`argocd/vcluster-application.yaml`), the HelmRelease of the
 * same chart, version, release name and values in its host namespace.
 */
export function fluxHelmReleases(
  nsDir: string,
  namespace: string,
  chartApp: any | undefined,
): SimulatedFluxHelmRelease[] {
  const own = objectsAt(nsDir).filter(
    m =>
      m.kind === 'HelmRelease' &&
      String(m.apiVersion).startsWith('helm.toolkit.fluxcd.io/'),
  );
  if (own.length) {
    return own.map(m => ({
      name: m.metadata.name,
      namespace: m.metadata.namespace ?? namespace,
      labels: { ...m.metadata.labels, ...appliedByLabels(FLUX_NAMESPACE) },
      spec: m.spec ?? {},
      chart: m.spec?.chart?.spec?.chart ?? m.spec?.chartRef?.name ?? 'chart',
      chartVersion: String(m.spec?.chart?.spec?.version ?? '0.0.0'),
    }));
  }
  const source = chartApp?.spec?.source;
  if (!source?.chart) return [];
  const releaseName = source.helm?.releaseName ?? chartApp.metadata.name;
  return [
    {
      name: releaseName,
      namespace,
      labels: appliedByLabels(FLUX_NAMESPACE),
      spec: {
        interval: '10m',
        releaseName,
        chart: {
          spec: {
            chart: source.chart,
            version: String(source.targetRevision),
            sourceRef: { kind: 'HelmRepository', name: 'loft' },
          },
        },
        ...(source.helm?.valuesObject
          ? { values: source.helm.valuesObject }
          : {}),
      },
      chart: source.chart,
      chartVersion: String(source.targetRevision),
    },
  ];
}
