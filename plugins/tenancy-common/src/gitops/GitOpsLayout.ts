const join = (...parts: string[]) => parts.join('/');

/**
 * Where things live in the platform's GitOps repository; the one definition
 * shared by the catalog provider (reads) and the scaffolder actions (writes).
 * See docs/gitops-layout.md.
 *
 * ```
 * <tenantsPath>/<tenant>/tenant.yaml                               Tenant entity
 * <tenantsPath>/<tenant>/<environment>/<namespace>/catalog-info.yaml  namespace entity
 * <tenantsPath>/<tenant>/<environment>/<namespace>/namespace.yaml     Kubernetes manifests
 * ```
 *
 * @public
 */
export class GitOpsLayout {
  static create(options: { tenantsPath?: string } = {}): GitOpsLayout {
    const tenantsPath = (options.tenantsPath ?? 'tenants').replace(
      /^\.\/|\/+$/g,
      '',
    );
    const segments = tenantsPath.split('/');
    if (
      tenantsPath.startsWith('/') ||
      segments.some(s => s === '' || s === '.' || s === '..')
    ) {
      throw new TypeError(
        `tenantsPath "${options.tenantsPath}" must be a relative path inside the repository`,
      );
    }
    return new GitOpsLayout(tenantsPath);
  }

  private constructor(readonly tenantsPath: string) {}

  tenantDir(tenant: string): string {
    return join(this.tenantsPath, tenant);
  }

  tenantFile(tenant: string): string {
    return join(this.tenantDir(tenant), 'tenant.yaml');
  }

  namespaceDir(tenant: string, environment: string, namespace: string): string {
    return join(this.tenantDir(tenant), environment, namespace);
  }

  namespaceEntityFile(
    tenant: string,
    environment: string,
    namespace: string,
  ): string {
    return join(
      this.namespaceDir(tenant, environment, namespace),
      'catalog-info.yaml',
    );
  }

  namespaceManifestFile(
    tenant: string,
    environment: string,
    namespace: string,
  ): string {
    return join(
      this.namespaceDir(tenant, environment, namespace),
      'namespace.yaml',
    );
  }
}
