import { GitOpsLayout } from '../gitops/GitOpsLayout';
import { TENANCY_ANNOTATIONS } from '../model/annotations';
import type { Manifest, NamespaceBundle } from './renderNamespaceBundle';
import { ARGOCD_NAMESPACE } from './renderTenantAppProject';

/** Argo CD's name of the cluster it runs in. */
const IN_CLUSTER = 'in-cluster';

/**
 * The platform's bootstrap of the GitOps repository, applied once to Argo CD
 * (`kubectl apply -f bootstrap/`), which then picks every new folder up:
 *
 * - `tenancy-namespaces`: an ApplicationSet with a git files generator over
 *   the folders' `catalog-info.yaml`; each namespace or vCluster folder
 *   becomes an Application that applies the folder's kustomization to the
 *   cluster and namespace its entity names.
 * - `tenancy-argocd`: an Application that applies the tenants' AppProjects
 *   and the folders' `argocd/` objects (vCluster Applications) to Argo CD's
 *   namespace.
 * - The platform's AppProjects these belong to: `platform-tenancy` and the
 *   vClusters' project. They are the platform's own, so unlike tenants'
 *   projects they may deploy to any namespace of any registered cluster.
 *
 * @public
 */
export function renderBootstrap(options: {
  layout: GitOpsLayout;
  /** The GitOps repository, as Argo CD clones it. */
  repoURL: string;
  /** Its base branch. */
  revision: string;
  vclusterProject: string;
  vclusterChartRepo: string;
  folder?: string;
}): NamespaceBundle {
  const { layout, repoURL, revision } = options;
  const folder = options.folder ?? 'bootstrap';
  const tenants = layout.tenantsPath;
  const anywhere = [{ name: '*', namespace: '*' }];
  const project = (
    name: string,
    description: string,
    spec: Record<string, unknown>,
  ): Manifest => ({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: { name, namespace: ARGOCD_NAMESPACE },
    spec: { description, ...spec },
  });
  const annotation = (key: string) =>
    `{{ index .metadata.annotations "${key}" }}`;
  return {
    [`${folder}/platform-projects.yaml`]: [
      project(
        'platform-tenancy',
        'Tenant namespaces, AppProjects and vCluster Applications from the GitOps repository',
        {
          sourceRepos: [repoURL],
          destinations: anywhere,
          clusterResourceWhitelist: [{ group: '', kind: 'Namespace' }],
          namespaceResourceWhitelist: [
            { group: '', kind: 'ResourceQuota' },
            { group: '', kind: 'LimitRange' },
            { group: 'networking.k8s.io', kind: 'NetworkPolicy' },
            { group: 'rbac.authorization.k8s.io', kind: 'RoleBinding' },
            { group: 'argoproj.io', kind: 'AppProject' },
            { group: 'argoproj.io', kind: 'Application' },
          ],
        },
      ),
      project(
        options.vclusterProject,
        "vClusters: the vCluster chart in tenants' host namespaces",
        {
          sourceRepos: [options.vclusterChartRepo],
          destinations: anywhere,
          // With a node pool, vCluster reads the host's nodes.
          clusterResourceWhitelist: [
            { group: 'rbac.authorization.k8s.io', kind: 'ClusterRole' },
            { group: 'rbac.authorization.k8s.io', kind: 'ClusterRoleBinding' },
          ],
        },
      ),
    ],
    [`${folder}/tenancy-namespaces.yaml`]: [
      {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'ApplicationSet',
        metadata: { name: 'tenancy-namespaces', namespace: ARGOCD_NAMESPACE },
        spec: {
          goTemplate: true,
          goTemplateOptions: ['missingkey=error'],
          generators: [
            {
              git: {
                repoURL,
                revision,
                files: [{ path: `${tenants}/*/*/*/catalog-info.yaml` }],
              },
            },
          ],
          template: {
            metadata: {
              name: 'tenancy-{{ .metadata.name }}',
              labels: {
                'tenancy.io/tenant': annotation(TENANCY_ANNOTATIONS.tenant),
              },
            },
            spec: {
              project: 'platform-tenancy',
              source: {
                repoURL,
                targetRevision: revision,
                path: '{{ .path.path }}',
              },
              destination: {
                name: annotation(TENANCY_ANNOTATIONS.kubernetesCluster),
                namespace: annotation(TENANCY_ANNOTATIONS.kubernetesNamespace),
              },
              syncPolicy: { automated: { prune: true, selfHeal: true } },
            },
          },
        },
      },
    ],
    [`${folder}/tenancy-argocd.yaml`]: [
      {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: { name: 'tenancy-argocd', namespace: ARGOCD_NAMESPACE },
        spec: {
          project: 'platform-tenancy',
          source: {
            repoURL,
            targetRevision: revision,
            path: tenants,
            directory: {
              recurse: true,
              include: '{*/appproject.yaml,*/*/*/argocd/*.yaml}',
            },
          },
          destination: { name: IN_CLUSTER, namespace: ARGOCD_NAMESPACE },
          syncPolicy: { automated: { prune: true, selfHeal: true } },
        },
      },
    ],
  };
}
