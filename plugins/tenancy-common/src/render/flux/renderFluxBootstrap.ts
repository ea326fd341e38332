import { checkClusterEngines } from '../../gitops/gitOpsEngineOf';
import { GitOpsLayout } from '../../gitops/GitOpsLayout';
import type { TenancyPolicy } from '../../policy/TenancyPolicy';
import type { Manifest, NamespaceBundle } from '../renderNamespaceBundle';
import { FLUX_DURATION, FLUX_GIT_URL } from './fluxFormats';

/**
 * The namespace Flux runs in, where the platform's Flux objects live.
 *
 * @public
 */
export const FLUX_NAMESPACE = 'flux-system';

/**
 * The service account the platform's Kustomizations impersonate: Flux's own
 * `kustomize-controller` in `flux-system`, bound to cluster-admin by the Flux
 * install (the account Flux's multi-tenancy lockdown gives the `flux-system`
 * Kustomization). It applies what the platform reviews in the GitOps
 * repository: Namespaces, quotas, limit ranges, RBAC, network policies.
 *
 * @public
 */
export const FLUX_PLATFORM_SERVICE_ACCOUNT = 'kustomize-controller';

/** The GitRepository of the platform's GitOps repository, in `flux-system`. */
const PLATFORM_SOURCE = 'tenancy-platform';

/** The Kustomization keeping the tenant ClusterRoles applied. */
const CLUSTER_ROLES = 'tenancy-cluster-roles';

/** Flux's controllers `--no-cross-namespace-refs` goes on (not source-controller). */
const CROSS_NAMESPACE_CONTROLLERS = [
  'kustomize-controller',
  'helm-controller',
  'notification-controller',
  'image-reflector-controller',
  'image-automation-controller',
];

/** A Kustomization of the platform's, in flux-system, over the platform's repository. */
function platformKustomization(
  name: string,
  path: string,
  extra: {
    labels?: Record<string, string>;
    dependsOn?: string[];
    healthCheckExprs?: Array<Record<string, string>>;
  } = {},
): Manifest {
  return {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: {
      name,
      namespace: FLUX_NAMESPACE,
      ...(extra.labels ? { labels: extra.labels } : {}),
    },
    spec: {
      interval: '10m',
      retryInterval: '2m',
      timeout: '5m',
      sourceRef: { kind: 'GitRepository', name: PLATFORM_SOURCE },
      path: `./${path}`,
      prune: true,
      wait: true,
      serviceAccountName: FLUX_PLATFORM_SERVICE_ACCOUNT,
      ...(extra.dependsOn
        ? { dependsOn: extra.dependsOn.map(d => ({ name: d })) }
        : {}),
      ...(extra.healthCheckExprs
        ? { healthCheckExprs: extra.healthCheckExprs }
        : {}),
    },
  };
}

/**
 * The kinds of a tenant's own delivery (`renderFluxTenantDelivery`) that a
 * platform Kustomization applies but does not wait for: `current: 'true'`,
 * so a tenant repository that fails to build or deploy fails its own
 * Kustomization only, never the platform's (whose `wait` would otherwise
 * health-check it and fail with it, holding back every folder of the
 * tenant's environment).
 */
const TENANT_DELIVERY_HEALTH = [
  { apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization' },
  { apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'GitRepository' },
  { apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'OCIRepository' },
].map(k => ({ ...k, current: 'true' }));

/**
 * The Kustomization `tenancy-<tenant>-<environment>` in `flux-system` that
 * applies a tenant's folders of one environment
 * (`<tenantsPath>/<tenant>/<environment>/`) on a Flux cluster, with
 * `prune: true` and `wait: true`, impersonating
 * `FLUX_PLATFORM_SERVICE_ACCOUNT`, after the tenant ClusterRoles'
 * Kustomization. Its `healthCheckExprs` count the Flux objects of a
 * tenant's own delivery as healthy once applied: their health is the
 * tenant's, shown on their own. It lives at `layout.fluxTenantFile(...)` of its cluster,
 * tenant and environment; the request of the tenant's first folder in that
 * environment writes it, the one removing the last removes it.
 *
 * @public
 */
export function renderFluxTenantKustomization(options: {
  layout: GitOpsLayout;
  tenant: string;
  environment: string;
}): Manifest {
  const { layout, tenant, environment } = options;
  return platformKustomization(
    `tenancy-${tenant}-${environment}`,
    `${layout.tenantDir(tenant)}/${environment}`,
    {
      labels: {
        'tenancy.io/tenant': tenant,
        'tenancy.io/environment': environment,
      },
      dependsOn: [CLUSTER_ROLES],
      healthCheckExprs: TENANT_DELIVERY_HEALTH,
    },
  );
}

/**
 * A tenant and the environments it has folders in
 * (`<tenantsPath>/<tenant>/<environment>/`).
 *
 * @public
 */
export interface FluxBootstrapTenant {
  /** The tenant's name, its folder under `tenantsPath`. */
  tenant: string;
  /** Environments with a folder `<tenantsPath>/<tenant>/<environment>/`; others are left out. */
  environments: string[];
}

/**
 * The Flux bootstrap of one cluster reconciled by Flux, by path in the
 * GitOps repository (in `layout.fluxBootstrapDir(cluster)`,
 * `bootstrap/flux/<cluster>/`; run `flux bootstrap … --path=<folder>` so Flux's own
 * `flux-system` Kustomization applies it):
 *
 * - `flux-system/kustomization.yaml`: the kustomization `flux bootstrap`
 *   writes (`gotk-components.yaml`, `gotk-sync.yaml`) with the multi-tenancy
 *   lockdown Flux documents as patches: `--no-cross-namespace-refs=true` on
 *   kustomize-, helm-, notification-, image-reflector- and
 *   image-automation-controller (a tenant's Kustomization cannot use the
 *   platform's GitRepository in `flux-system`, nor any other namespace's
 *   source), `--no-remote-bases=true` on kustomize-controller (no kustomize
 *   bases fetched from outside the reviewed sources),
 *   `--default-service-account=default` on kustomize- and helm-controller
 *   (an object without `serviceAccountName` impersonates its namespace's
 *   `default` account, which has no rights, rather than the controller's
 *   cluster-admin), and `spec.serviceAccountName: kustomize-controller` on
 *   the `flux-system` Kustomization, which still needs cluster-admin.
 *   source-controller takes none of the flags.
 * - `tenancy-platform.yaml`: the GitRepository `tenancy-platform` of the
 *   platform's GitOps repository (`url`, `branch`, `interval`) in
 *   `flux-system`, and the Kustomization `tenancy-cluster-roles` applying
 *   the tenant ClusterRoles (`clusterRolesPath`, where `renderBootstrap`
 *   writes `renderTenantClusterRoles`), which the folders' RoleBindings
 *   refer to.
 * - `tenants/<tenant>-<environment>.yaml`: a Kustomization
 *   `tenancy-<tenant>-<environment>` per tenant and environment of this
 *   cluster (`renderFluxTenantKustomization`), applying
 *   `<tenantsPath>/<tenant>/<environment>/` with `prune: true` and
 *   `wait: true` (ready only when every object it applied is). One file
 *   each, so a request adds or removes its tenant's without editing a
 *   shared file; Flux's generated kustomization of the bootstrap folder
 *   takes every YAML file under it.
 *
 * Per tenant, not per namespace folder: one object per tenant and
 * environment keeps the count low (a cluster with hundreds of namespaces has
 * tens of tenants), matches the `<tenantsPath>/<tenant>/` layout, and needs
 * no change to the bootstrap when a tenant adds a namespace: Flux generates
 * a kustomization for a path without one, listing each subfolder that has
 * its own `kustomization.yaml` (every namespace and vCluster folder) and not
 * descending into it, so `catalog-info.yaml` and `argocd/` never reach the
 * cluster. The price is coarser health (one Ready condition for all of a
 * tenant's namespaces in an environment; the inventory still names each
 * object) and two constraints: an environment of a Flux cluster must run on
 * that cluster only (its folder would otherwise be applied to every cluster;
 * refused naming `tenancy.policy.environments.<env>.clusters`), and a
 * Kustomization exists only while its folder does (Flux fails a missing
 * path), so `tenants` lists the environments that have folders; the pull
 * request removing an environment's last folder removes its Kustomization,
 * and Flux, pruning, deletes what it applied.
 *
 * Which service account applies what: the tenant folders hold only the
 * platform's objects (the Namespace, ResourceQuota, LimitRange, RoleBindings,
 * NetworkPolicies, a vCluster's host namespace), which a tenant's rights
 * cannot write, so these Kustomizations live in `flux-system` and impersonate
 * `FLUX_PLATFORM_SERVICE_ACCOUNT`, with no `targetNamespace` (each object
 * names its namespace; one namespace would be wrong for a folder of several).
 * A tenant's own applications are reconciled by Kustomizations in the
 * tenant's namespace that impersonate the tenant's service account
 * (`renderFluxTenantDelivery`).
 *
 * @public
 */
export function renderFluxBootstrap(options: {
  layout: GitOpsLayout;
  /** The cluster, as named in `tenancy.policy.environments.<env>.clusters`. */
  cluster: string;
  /** The GitOps repository as Flux clones it (`https://`, `http://` or `ssh://`). */
  url: string;
  /** Its base branch. */
  branch: string;
  /** How often Flux fetches the repository; default `1m`. */
  interval?: string;
  /** A Secret in `flux-system` with the repository's credentials; unset: a public repository. */
  secretName?: string;
  /** The environments and their clusters (`tenancy.policy.environments`). */
  policy: Pick<TenancyPolicy, 'environments' | 'clusters'>;
  /** The tenants, each with the environments it has folders in. */
  tenants: FluxBootstrapTenant[];
  /** Where the tenant ClusterRoles are; default `bootstrap/cluster-roles`. */
  clusterRolesPath?: string;
}): NamespaceBundle {
  const { layout, cluster, url, branch } = options;
  const interval = options.interval ?? '1m';
  const folder = layout.fluxBootstrapDir(cluster);
  if (!FLUX_GIT_URL.test(url)) {
    throw new TypeError(
      `url (flux-source-url): ${JSON.stringify(
        url,
      )} must start with https://, http:// or ssh://`,
    );
  }
  if (!FLUX_DURATION.test(interval)) {
    throw new TypeError(
      `interval (duration): ${JSON.stringify(
        interval,
      )} must be a Go duration such as 1m or 30s`,
    );
  }
  checkClusterEngines({
    environments: options.policy.environments,
    clusters: { ...options.policy.clusters, [cluster]: { engine: 'flux' } },
  });
  const environments = Object.entries(options.policy.environments)
    .filter(([, env]) => env.clusters.includes(cluster))
    .map(([name]) => name);
  const here = new Set(environments);
  const tenantFiles: NamespaceBundle = {};
  for (const { tenant, environments: envs } of options.tenants) {
    for (const environment of new Set(envs)) {
      if (!here.has(environment)) continue;
      tenantFiles[layout.fluxTenantFile(cluster, tenant, environment)] = [
        renderFluxTenantKustomization({ layout, tenant, environment }),
      ];
    }
  }
  const argsPatch = (arg: string) =>
    JSON.stringify([
      {
        op: 'add',
        path: '/spec/template/spec/containers/0/args/-',
        value: arg,
      },
    ]);
  const deployments = (names: string[]) => ({
    kind: 'Deployment',
    name: names.length === 1 ? names[0] : `(${names.join('|')})`,
  });
  return {
    [`${folder}/flux-system/kustomization.yaml`]: [
      {
        apiVersion: 'kustomize.config.k8s.io/v1beta1',
        kind: 'Kustomization',
        resources: ['gotk-components.yaml', 'gotk-sync.yaml'],
        patches: [
          {
            patch: argsPatch('--no-cross-namespace-refs=true'),
            target: deployments(CROSS_NAMESPACE_CONTROLLERS),
          },
          {
            patch: argsPatch('--no-remote-bases=true'),
            target: deployments(['kustomize-controller']),
          },
          {
            patch: argsPatch('--default-service-account=default'),
            target: deployments(['kustomize-controller', 'helm-controller']),
          },
          {
            patch: JSON.stringify([
              {
                op: 'add',
                path: '/spec/serviceAccountName',
                value: FLUX_PLATFORM_SERVICE_ACCOUNT,
              },
            ]),
            target: { kind: 'Kustomization', name: 'flux-system' },
          },
        ],
      },
    ],
    [`${folder}/tenancy-platform.yaml`]: [
      {
        apiVersion: 'source.toolkit.fluxcd.io/v1',
        kind: 'GitRepository',
        metadata: { name: PLATFORM_SOURCE, namespace: FLUX_NAMESPACE },
        spec: {
          url,
          ref: { branch },
          interval,
          ...(options.secretName
            ? { secretRef: { name: options.secretName } }
            : {}),
        },
      },
      platformKustomization(
        CLUSTER_ROLES,
        options.clusterRolesPath ?? 'bootstrap/cluster-roles',
      ),
    ],
    ...tenantFiles,
  };
}
