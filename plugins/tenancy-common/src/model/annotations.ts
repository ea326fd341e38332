/**
 * Annotations the tenancy plugins read and write on catalog entities.
 *
 * Namespace and vCluster entities also carry the upstream Kubernetes plugin's
 * `backstage.io/kubernetes-namespace` and `backstage.io/kubernetes-cluster`
 * annotations, so that plugin works on them without extra setup.
 *
 * @public
 */
export const TENANCY_ANNOTATIONS = {
  /** Name of the Tenant entity a namespace or vCluster belongs to. */
  tenant: 'tenancy.io/tenant',
  /** Environment of a namespace or vCluster, e.g. `dev`, `staging`, `prod`. */
  environment: 'tenancy.io/environment',
  /** Cost center the namespace or vCluster is charged to. */
  costCenter: 'tenancy.io/cost-center',
  /** Namespace annotation of the upstream Kubernetes plugin. */
  kubernetesNamespace: 'backstage.io/kubernetes-namespace',
  /** Cluster annotation of the upstream Kubernetes plugin. */
  kubernetesCluster: 'backstage.io/kubernetes-cluster',
} as const;
