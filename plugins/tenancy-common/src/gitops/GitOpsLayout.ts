const join = (...parts: string[]) => parts.join('/');

/**
 * What a file of the GitOps repository is, by its place in the layout.
 *
 * @public
 */
export type GitOpsPath =
  | { type: 'tenant'; tenant: string }
  | { type: 'workload'; tenant: string; environment: string; name: string }
  | { type: 'cluster'; cluster: string };

/**
 * Where things live in the platform's GitOps repository; the one definition
 * shared by the catalog provider (reads) and the scaffolder actions (writes).
 * See docs/gitops-layout.md.
 *
 * ```
 * <clustersPath>/<cluster>.yaml                                     cluster entity
 * <tenantsPath>/<tenant>/tenant.yaml                                Tenant entity
 * <tenantsPath>/<tenant>/appproject.yaml                            its Argo CD AppProject
 * <tenantsPath>/<tenant>/<environment>/<name>/catalog-info.yaml     namespace or vCluster entity
 * <tenantsPath>/<tenant>/<environment>/<name>/*.yaml                its Kubernetes manifests and kustomization
 * <tenantsPath>/<tenant>/<environment>/<name>/argocd/*.yaml         its Argo CD objects (a vCluster's Application)
 * bootstrap/flux/<cluster>/                                         a Flux cluster's bootstrap (flux bootstrap --path)
 * bootstrap/flux/<cluster>/tenants/<tenant>-<environment>.yaml      the Kustomization applying a tenant's environment
 * ```
 *
 * @public
 */
export class GitOpsLayout {
  static create(
    options: { tenantsPath?: string; clustersPath?: string } = {},
  ): GitOpsLayout {
    return new GitOpsLayout(
      normalizeFolder(options.tenantsPath ?? 'tenants', 'tenantsPath'),
      normalizeFolder(options.clustersPath ?? 'clusters', 'clustersPath'),
    );
  }

  private constructor(
    readonly tenantsPath: string,
    readonly clustersPath: string,
  ) {}

  tenantDir(tenant: string): string {
    return join(this.tenantsPath, tenant);
  }

  tenantFile(tenant: string): string {
    return join(this.tenantDir(tenant), 'tenant.yaml');
  }

  /** The tenant's Argo CD AppProject, applied to Argo CD's namespace. */
  tenantProjectFile(tenant: string): string {
    return join(this.tenantDir(tenant), 'appproject.yaml');
  }

  /**
   * Argo CD objects of a namespace or vCluster folder (the vCluster's
   * Application), applied to Argo CD's namespace rather than the cluster.
   */
  argocdDir(tenant: string, environment: string, name: string): string {
    return join(this.namespaceDir(tenant, environment, name), 'argocd');
  }

  namespaceDir(tenant: string, environment: string, name: string): string {
    return join(this.tenantDir(tenant), environment, name);
  }

  namespaceEntityFile(
    tenant: string,
    environment: string,
    name: string,
  ): string {
    return join(
      this.namespaceDir(tenant, environment, name),
      'catalog-info.yaml',
    );
  }

  /**
   * The bootstrap of a cluster reconciled by Flux, the folder
   * `flux bootstrap --path` points at (see `renderFluxBootstrap`).
   */
  fluxBootstrapDir(cluster: string): string {
    return join('bootstrap', 'flux', cluster);
  }

  /**
   * The Flux Kustomization applying a tenant's folders of one environment
   * on a Flux cluster, written by the request of its first folder there.
   */
  fluxTenantFile(cluster: string, tenant: string, environment: string): string {
    return join(
      this.fluxBootstrapDir(cluster),
      'tenants',
      `${tenant}-${environment}.yaml`,
    );
  }

  clusterFile(cluster: string): string {
    return join(this.clustersPath, `${cluster}.yaml`);
  }

  /** What a repository path holds, or undefined for files the catalog does not read. */
  classify(path: string): GitOpsPath | undefined {
    const segments = path.replace(/^\.?\//, '').split('/');
    const under = (folder: string) => {
      const prefix = folder.split('/');
      return prefix.every((s, i) => segments[i] === s)
        ? segments.slice(prefix.length)
        : undefined;
    };

    const tenantRest = under(this.tenantsPath);
    if (tenantRest?.length === 2 && tenantRest[1] === 'tenant.yaml') {
      return { type: 'tenant', tenant: tenantRest[0] };
    }
    if (tenantRest?.length === 4 && tenantRest[3] === 'catalog-info.yaml') {
      const [tenant, environment, name] = tenantRest;
      return { type: 'workload', tenant, environment, name };
    }
    const clusterRest = under(this.clustersPath);
    if (clusterRest?.length === 1 && clusterRest[0].endsWith('.yaml')) {
      return {
        type: 'cluster',
        cluster: clusterRest[0].slice(0, -'.yaml'.length),
      };
    }
    return undefined;
  }
}

function normalizeFolder(value: string, field: string): string {
  const folder = value.replace(/^\.\//, '').replace(/\/+$/, '');
  const segments = folder.split('/');
  if (
    folder.startsWith('/') ||
    segments.some(s => s === '' || s === '.' || s === '..')
  ) {
    throw new TypeError(
      `${field} "${value}" must be a relative path inside the repository`,
    );
  }
  return folder;
}
