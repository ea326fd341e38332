import type { ContainerLimits } from './rules/limits';

/**
 * Platform policy for provisioning: `tenancy.policy` in app-config, plus
 * `tenancy.tenants.costCenterPattern`. Read once, by `readTenancyConfig` of
 * tenancy-node; the validators of this package and the catalog's Tenant
 * processor all check against it.
 *
 * @public
 */
export interface TenancyPolicy {
  environments: Record<string, EnvironmentPolicy>;
  /**
   * Settings per cluster (`tenancy.policy.clusters.<cluster>`); a cluster
   * not listed is reconciled by Argo CD.
   */
  clusters?: Record<string, ClusterPolicy>;
  /** Namespaces no tenant may request, e.g. `default`, `kube-system`, `argocd`. */
  reservedNamespaces: string[];
  /** Prefixes no tenant namespace may start with, e.g. `kube-`, `platform-`. */
  reservedPrefixes: string[];
  /**
   * Regular expression (source text) a Tenant's cost center must match in
   * full, from `tenancy.tenants.costCenterPattern`, e.g. `CC-[0-9]{4}`.
   * Unset: any cost center that is a label value.
   */
  costCenterPattern?: string;
  /** Node pools a vCluster may be scheduled on. */
  nodePools: string[];
  /** Named quota sizes the wizard offers, e.g. S, M, L. */
  quotaSizes: Record<string, Record<string, string>>;
  /**
   * Container LimitRange of a named size (`tenancy.policy.containerLimits.<size>`),
   * over the environment's; a request may override single values within
   * bounds.
   */
  containerLimits?: Record<string, ContainerLimits>;
  /**
   * Namespaces whose pods may reach every tenant namespace's pods (the
   * ingress controller's), allowed by a NetworkPolicy of each bundle.
   */
  ingressNamespaces?: string[];
  /** ClusterRoles the tenant's SSO group is bound to in each namespace. */
  clusterRoles: string[];
  /** Argo CD settings of tenants' AppProjects. */
  argocd: {
    /**
     * Repositories tenants' applications may come from; `{tenant}` is
     * replaced by the tenant's name.
     */
    sourceRepos: string[];
  };
  /**
   * The cluster guardrails the GitOps bootstrap ships
   * (`tenancy.policy.guardrails`); unset: none (`engine: none`).
   */
  guardrails?: GuardrailsSettings;
  /** How vClusters are deployed. */
  vcluster: {
    /** Helm repository of the vCluster chart. */
    chartRepo: string;
    /** Exact chart version, a 0.36.x release. */
    chartVersion: string;
    /** The platform's AppProject the vClusters' Applications belong to. */
    project: string;
    /**
     * The identity the portal reads vClusters' exported kubeconfigs as on
     * the host clusters (the Kubernetes backend's): each vCluster bundle
     * grants it `get` on that one Secret. Unset: no grant is rendered.
     */
    kubeconfigReader?: RbacSubject;
  };
}

/**
 * A subject of a RoleBinding.
 *
 * @public
 */
export interface RbacSubject {
  kind: 'ServiceAccount' | 'User' | 'Group';
  name: string;
  /** The ServiceAccount's namespace; ServiceAccounts only. */
  namespace?: string;
}

/**
 * The GitOps engine that reconciles a cluster from the GitOps repository.
 *
 * @public
 */
export type GitOpsEngine = 'argocd' | 'flux';

/**
 * Settings of one cluster (`tenancy.policy.clusters.<cluster>`).
 *
 * @public
 */
export interface ClusterPolicy {
  /** Which engine reconciles the cluster; what the requests render for it follows. */
  engine: GitOpsEngine;
}

/**
 * Policy of one environment.
 *
 * @public
 */
export interface EnvironmentPolicy {
  /** Clusters the environment's namespaces may run on. */
  clusters: string[];
  /** Pod Security Standards level enforced on the environment's namespaces. */
  podSecurity: 'privileged' | 'baseline' | 'restricted';
  /** Upper bound of every quota in the environment, resource name to quantity. */
  ceiling: Record<string, string>;
  /**
   * The environment's container LimitRange, for custom quotas and sizes
   * without their own; unset: the platform's built-in defaults.
   */
  containerLimits?: ContainerLimits;
}

/**
 * Admission controller the baseline policies are written for.
 *
 * @public
 */
export type GuardrailsEngine =
  | 'kyverno'
  | 'validating-admission-policy'
  | 'gatekeeper'
  | 'none';

/**
 * The platform's cluster guardrails (`tenancy.policy.guardrails`): the
 * baseline policies the GitOps bootstrap ships and how strictly each
 * environment gets them. See `docs/gitops-layout.md`, "Guardrails".
 *
 * @public
 */
export interface GuardrailsSettings {
  /** The admission controller the policies are rendered for; `none`: no policy files. */
  engine: GuardrailsEngine;
  /**
   * Image reference prefixes every tenant may pull from (the platform
   * default); a Tenant's `spec.allowedRegistries` adds its own. Empty and
   * no list of its own: the tenant gets no registry policy.
   */
  allowedRegistries: string[];
  /** Environments whose Pods may not use `:latest` or an image without a tag. */
  disallowLatestTagIn: string[];
  /**
   * Environments whose violations are refused (`Enforce`); every other
   * environment's are admitted, warned about and reported (`Audit`).
   */
  enforceIn: string[];
  /**
   * Users (service accounts as `system:serviceaccount:<ns>:<name>`) that may
   * write NetworkPolicies, ResourceQuotas, LimitRanges and RoleBindings in
   * tenant namespaces and change a namespace's cost center: the GitOps
   * controller.
   */
  controllerUsers: string[];
}
