/**
 * Argo CD's built-in project, which every Application without one joins.
 *
 * @public
 */
export const ARGOCD_DEFAULT_PROJECT = 'default';

/**
 * The platform's AppProject of the tenancy objects (namespaces, AppProjects,
 * vCluster Applications), rendered by the bootstrap.
 *
 * @public
 */
export const PLATFORM_TENANCY_PROJECT = 'platform-tenancy';
