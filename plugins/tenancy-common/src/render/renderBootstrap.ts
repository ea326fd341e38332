import { gitOpsEngineOf } from '../gitops/gitOpsEngineOf';
import { GitOpsLayout } from '../gitops/GitOpsLayout';
import { TENANCY_ANNOTATIONS } from '../model/annotations';
import type { TenancyPolicy } from '../policy/TenancyPolicy';
import {
  guardrailKinds,
  renderPlatformGuardrails,
  TENANT_GUARDRAILS_FILE,
} from './guardrails/renderGuardrails';
import type { Manifest, NamespaceBundle } from './renderNamespaceBundle';
import { PLATFORM_TENANCY_PROJECT } from './platformProjects';
import { ARGOCD_NAMESPACE } from './renderTenantAppProject';
import { renderTenantClusterRoles } from './renderTenantClusterRoles';
import { VCLUSTER_PROJECT_FILE } from './renderVClusterProject';
import {
  renderVClusterRegistration,
  VCLUSTER_REGISTRATION,
} from './renderVClusterRegistration';
import { VCLUSTER_HOST_LABEL } from './vclusterArgoCluster';

/** Argo CD's name of the cluster it runs in. */
const IN_CLUSTER = 'in-cluster';

/**
 * The platform's bootstrap of the GitOps repository, applied once to Argo CD
 * (`kubectl apply -f bootstrap/`), which then picks every new folder up:
 *
 * - `tenancy-namespaces`: an ApplicationSet with a git files generator over
 *   the folders' `catalog-info.yaml`; each namespace or vCluster folder
 *   becomes an Application that applies the folder's kustomization to the
 *   cluster and namespace its entity names; the folders of environments on
 *   Flux clusters are excluded.
 * - `tenancy-argocd`: an Application that applies the tenants' AppProjects
 *   and the folders' `argocd/` objects (vCluster Applications) to Argo CD's
 *   namespace.
 * - `tenancy-cluster-roles`: an ApplicationSet with a clusters generator that
 *   keeps the platform's tenant ClusterRoles (`tenancy-tenant`, see
 *   `renderTenantClusterRoles`, in `cluster-roles/`) on every registered
 *   cluster, since tenants' RoleBindings refer to them.
 * - `tenancy-platform`: an Application that keeps the vClusters' AppProject
 *   (`platform-vclusters.yaml`, written by the vCluster requests, see
 *   `changeVClusterProjectFile`) applied.
 * - `tenancy-guardrails` (unless `tenancy.policy.guardrails.engine` is
 *   `none`): an ApplicationSet with a clusters generator that keeps the
 *   baseline policies of the configured engine (`guardrails/baseline.yaml`,
 *   see `renderPlatformGuardrails`) and every tenant's own
 *   (`<tenant>/guardrails.yaml`, see `renderTenantGuardrails`) on every
 *   registered cluster.
 * - `tenancy-vcluster-registration`: an Application that keeps the vCluster
 *   registration (`vcluster-registration/`, see
 *   `renderVClusterRegistration`: a Kyverno GeneratingPolicy turning each
 *   vCluster's exported kubeconfig into an Argo CD cluster Secret) applied
 *   to the cluster Argo CD runs in.
 * - `platform-tenancy`, the AppProject these belong to: the platform's own,
 *   so unlike tenants' projects it may deploy to any namespace of any
 *   registered cluster; as cluster-scoped objects only Namespaces, the
 *   tenant ClusterRoles and the registration's ClusterRole by name, the
 *   registration's GeneratingPolicy and the guardrail engine's policy kinds.
 *
 * The ApplicationSets over every cluster leave the vClusters out (their
 * cluster Secrets carry `tenancy.io/vcluster`): a vCluster is the tenant's,
 * and the platform's roles and guardrails apply to its host namespace.
 *   The vClusters' project is not here: it lists each vCluster's host
 *   namespace and is created by the first vCluster request.
 *
 * @public
 */
export function renderBootstrap(options: {
  layout: GitOpsLayout;
  /** The GitOps repository, as Argo CD clones it. */
  repoURL: string;
  /** Its base branch. */
  revision: string;
  folder?: string;
  /**
   * The guardrails (`tenancy.policy.guardrails`) and cost-center pattern
   * (unset: no policies), and the environments and clusters: the folders of
   * an environment on a Flux cluster are left to Flux (`renderFluxBootstrap`).
   */
  policy?: Pick<TenancyPolicy, 'guardrails' | 'costCenterPattern'> &
    Partial<Pick<TenancyPolicy, 'environments' | 'clusters'>>;
}): NamespaceBundle {
  const { layout, repoURL, revision } = options;
  const policy = options.policy ?? {};
  const folder = options.folder ?? 'bootstrap';
  const fluxEnvironments = Object.entries(policy.environments ?? {})
    .filter(([, env]) =>
      env.clusters.some(c => gitOpsEngineOf(policy, c) === 'flux'),
    )
    .map(([name]) => name);
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
  const clusterRoles = renderTenantClusterRoles();
  const roleNames = clusterRoles.map(
    role => (role.metadata as { name: string }).name,
  );
  const annotation = (key: string) =>
    `{{ index .metadata.annotations "${key}" }}`;
  const guardrails = renderPlatformGuardrails(policy);
  const everyCluster = (
    name: string,
    sources: Array<Record<string, unknown>>,
  ): Manifest => ({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ApplicationSet',
    metadata: { name, namespace: ARGOCD_NAMESPACE },
    spec: {
      goTemplate: true,
      goTemplateOptions: ['missingkey=error'],
      // Every cluster Argo CD knows, the in-cluster included, but the
      // vClusters: a post selector over the generated parameters (a label
      // selector on the generator would match cluster Secrets only and so
      // leave out the in-cluster, which has none unless the platform wrote
      // one).
      generators: [
        {
          clusters: {},
          selector: {
            matchExpressions: [
              {
                key: `metadata.labels.${VCLUSTER_HOST_LABEL}`,
                operator: 'DoesNotExist',
              },
            ],
          },
        },
      ],
      template: {
        metadata: { name: `${name}-{{ .name }}` },
        spec: {
          project: PLATFORM_TENANCY_PROJECT,
          ...(sources.length === 1 ? { source: sources[0] } : { sources }),
          destination: { name: '{{ .name }}' },
          syncPolicy: { automated: { prune: true, selfHeal: true } },
        },
      },
    },
  });
  const guardrailFiles: NamespaceBundle = guardrails.length
    ? {
        [`${folder}/guardrails/baseline.yaml`]: guardrails,
        [`${folder}/tenancy-guardrails.yaml`]: [
          everyCluster('tenancy-guardrails', [
            {
              repoURL,
              targetRevision: revision,
              path: `${folder}/guardrails`,
            },
            {
              repoURL,
              targetRevision: revision,
              path: tenants,
              directory: {
                recurse: true,
                include: `*/${TENANT_GUARDRAILS_FILE}`,
              },
            },
          ]),
        ],
      }
    : {};
  return {
    [`${folder}/platform-projects.yaml`]: [
      project(
        PLATFORM_TENANCY_PROJECT,
        'Tenant namespaces, AppProjects and vCluster Applications from the GitOps repository',
        {
          sourceRepos: [repoURL],
          destinations: anywhere,
          clusterResourceWhitelist: [
            { group: '', kind: 'Namespace' },
            ...[...roleNames, VCLUSTER_REGISTRATION].map(name => ({
              group: 'rbac.authorization.k8s.io',
              kind: 'ClusterRole',
              name,
            })),
            { group: 'policies.kyverno.io', kind: 'GeneratingPolicy' },
            ...guardrailKinds(policy),
          ],
          namespaceResourceWhitelist: [
            { group: '', kind: 'ResourceQuota' },
            { group: '', kind: 'LimitRange' },
            { group: 'networking.k8s.io', kind: 'NetworkPolicy' },
            { group: 'rbac.authorization.k8s.io', kind: 'Role' },
            { group: 'rbac.authorization.k8s.io', kind: 'RoleBinding' },
            { group: 'argoproj.io', kind: 'AppProject' },
            { group: 'argoproj.io', kind: 'Application' },
          ],
        },
      ),
    ],
    [`${folder}/cluster-roles/tenant-roles.yaml`]: clusterRoles,
    [`${folder}/tenancy-cluster-roles.yaml`]: [
      everyCluster('tenancy-cluster-roles', [
        {
          repoURL,
          targetRevision: revision,
          path: `${folder}/cluster-roles`,
        },
      ]),
    ],
    ...guardrailFiles,
    [`${folder}/vcluster-registration/argocd-clusters.yaml`]:
      renderVClusterRegistration(),
    [`${folder}/tenancy-vcluster-registration.yaml`]: [
      {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: {
          name: 'tenancy-vcluster-registration',
          namespace: ARGOCD_NAMESPACE,
        },
        spec: {
          project: PLATFORM_TENANCY_PROJECT,
          source: {
            repoURL,
            targetRevision: revision,
            path: `${folder}/vcluster-registration`,
          },
          destination: { name: IN_CLUSTER },
          syncPolicy: { automated: { prune: true, selfHeal: true } },
        },
      },
    ],
    [`${folder}/tenancy-platform.yaml`]: [
      {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: { name: 'tenancy-platform', namespace: ARGOCD_NAMESPACE },
        spec: {
          project: PLATFORM_TENANCY_PROJECT,
          source: {
            repoURL,
            targetRevision: revision,
            path: folder,
            directory: { include: VCLUSTER_PROJECT_FILE.split('/').pop() },
          },
          destination: { name: IN_CLUSTER, namespace: ARGOCD_NAMESPACE },
          // Not pruned: an empty file must not delete the vClusters' project.
          syncPolicy: { automated: { prune: false, selfHeal: true } },
        },
      },
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
                // The environments of Flux clusters are Flux's.
                files: [
                  { path: `${tenants}/*/*/*/catalog-info.yaml` },
                  ...fluxEnvironments.map(env => ({
                    path: `${tenants}/*/${env}/*/catalog-info.yaml`,
                    exclude: true,
                  })),
                ],
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
              project: PLATFORM_TENANCY_PROJECT,
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
          project: PLATFORM_TENANCY_PROJECT,
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
