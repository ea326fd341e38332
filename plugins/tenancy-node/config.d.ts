import { HumanDuration } from '@backstage/types';

/*
 * The tenancy settings read by this package (readTenancyConfig and
 * createPublisher) for the scaffolder module, the catalog module and the
 * backend: each key is documented here, once.
 */
export interface Config {
  tenancy?: {
    gitops?: {
      /**
       * Folder of the tenants in the GitOps repository, relative to its root.
       * Defaults to `tenants`. The catalog provider reads the same folder.
       */
      tenantsPath?: string;
      /**
       * Where provisioning requests become pull requests. Unset: the actions
       * only render files into the scaffolder workspace.
       */
      publisher?: {
        /**
         * `local`: a local git repository (the embedded default). The forges
         * take their credentials from the `integrations.*` entry for the
         * repository's host: `github` (GitHub or GitHub Enterprise,
         * `integrations.github`), `gitlab` (`integrations.gitlab`), `azure`
         * (Azure DevOps Services or Server, `integrations.azure`),
         * `bitbucketServer` (Bitbucket Server / Data Center,
         * `integrations.bitbucketServer`; its REST API cannot delete files,
         * so decommissioning is refused there).
         */
        type: 'local' | 'github' | 'gitlab' | 'azure' | 'bitbucketServer';
        /** local: folder of the repository, relative to the backend's working directory. */
        path?: string;
        /**
         * Forges: the repository, e.g. https://github.com/acme/platform-gitops,
         * https://gitlab.example.com/platform/gitops,
         * https://dev.azure.com/acme/platform/_git/gitops or
         * https://bitbucket.example.com/projects/PLAT/repos/gitops
         */
        repoUrl?: string;
        /** When the repository does not exist: a folder whose files seed it. */
        seedFrom?: string;
        /** The branch pull requests target. Defaults to `main`. */
        baseBranch?: string;
      };
      /**
       * The tenancy backend's task that brings open requests (branches
       * `tenancy/…`) up to date with the base branch once it moved on, so a
       * reviewer can merge them in the forge one after another without
       * conflicts; a request that needs a person is logged and left as it is.
       */
      refreshRequests?: {
        /**
         * How often, e.g. `{ minutes: 1 }` (the default) or `{ seconds: 30 }`.
         */
        frequency?: HumanDuration | string;
      };
    };
    /** Platform policy the provisioning actions and the wizard's checks enforce. */
    policy?: {
      /** Per environment name (e.g. dev, staging, prod). */
      environments?: {
        [environment: string]: {
          /** Clusters the environment's namespaces may run on. */
          clusters: string[];
          /** Pod Security Standards level enforced: privileged, baseline or restricted (default). */
          podSecurity?: string;
          /**
           * Upper bound of each quota, Kubernetes resource name to quantity.
           * Tenants may ask only for resources listed here.
           */
          ceiling?: { [resource: string]: string | number };
          /**
           * The environment's container LimitRange, for custom quotas and for
           * sizes without `containerLimits` of their own: cpu and memory of
           * `defaultRequest` (requests of containers that set none),
           * `default` (their limits) and `max`. Unset: defaultRequest 100m /
           * 128Mi, default 500m / 512Mi, max the namespace's limits quota.
           */
          containerLimits?: {
            defaultRequest?: { cpu?: string; memory?: string };
            default?: { cpu?: string; memory?: string };
            max?: { cpu?: string; memory?: string };
          };
        };
      };
      /**
       * Settings per cluster, by the cluster's name (as in
       * `environments.<env>.clusters`). A cluster not listed is reconciled
       * by Argo CD.
       */
      clusters?: {
        [cluster: string]: {
          /**
           * The GitOps engine reconciling the cluster: `argocd` (default) or
           * `flux`. What the requests render and what the backend reads
           * follow it (docs/gitops-layout.md, "Flux"). An environment with
           * a Flux cluster must run on that cluster only.
           */
          engine?: 'argocd' | 'flux';
        };
      };
      /** Named quota sizes offered by the wizard, each resource name to quantity. */
      quotaSizes?: { [size: string]: { [resource: string]: string | number } };
      /**
       * The container LimitRange of a quota size (same keys as
       * `environments.<env>.containerLimits`), over the environment's. Each
       * request's LimitRange must satisfy defaultRequest ≤ default ≤ max and
       * stay within the namespace's quota.
       */
      containerLimits?: {
        [size: string]: {
          defaultRequest?: { cpu?: string; memory?: string };
          default?: { cpu?: string; memory?: string };
          max?: { cpu?: string; memory?: string };
        };
      };
      /**
       * Namespaces whose pods may reach the pods of every tenant namespace,
       * e.g. the ingress controller's (`[ingress-nginx]`): each bundle then
       * has a NetworkPolicy `allow-from-ingress` beside its default deny.
       * Unset: none, so tenants' Ingresses receive no traffic.
       */
      ingressNamespaces?: string[];
      /**
       * ClusterRoles the tenant's SSO group is bound to in each of its
       * namespaces. Defaults to [tenancy-tenant], the platform's role the
       * GitOps bootstrap deploys to every cluster: read like `view`, write
       * like `edit` without NetworkPolicy, and no write on ResourceQuota,
       * LimitRange, Role, RoleBinding or Namespace. The built-in `edit` lets
       * tenants replace the platform's network policies.
       */
      clusterRoles?: string[];
      /** Namespaces no tenant may request. */
      reservedNamespaces?: string[];
      /** Prefixes no tenant namespace may start with. */
      reservedPrefixes?: string[];
      /**
       * Node pools vClusters may use. A pool's nodes carry the label and the
       * taint `tenancy.io/node-pool=<pool>` (effect NoSchedule).
       */
      nodePools?: string[];
      /** Argo CD settings of tenants' AppProjects. */
      argocd?: {
        /**
         * Repositories tenants' applications may come from; `{tenant}` is
         * replaced by the tenant's name. Without it, tenants' projects allow
         * no source until the platform adds one.
         */
        sourceRepos?: string[];
      };
      /**
       * The baseline cluster policies the GitOps bootstrap ships (see
       * docs/gitops-layout.md, "Guardrails"): tenancy labels on tenant
       * namespaces, images only from allowed registries, no `:latest` where
       * named, requests and limits, no Service external IPs, and quotas,
       * limit ranges, network policies and role bindings only from the
       * GitOps controller.
       */
      guardrails?: {
        /**
         * The admission controller they are written for: `kyverno`
         * (ValidatingPolicy, Kyverno 1.18 or later),
         * `validating-admission-policy` (Kubernetes 1.30 or later, nothing
         * to install), `gatekeeper` (ConstraintTemplates with the CEL
         * engine) or `none` (the default: no policy files).
         */
        engine?:
          | 'kyverno'
          | 'validating-admission-policy'
          | 'gatekeeper'
          | 'none';
        /**
         * Image reference prefixes every tenant may pull from, each a
         * registry host (optional port) and path segments ending with `/`,
         * e.g. `registry.acme.internal/`. A Tenant's `spec.allowedRegistries`
         * adds its own. Empty (the default) and a tenant without a list of its
         * own: no registry policy for that tenant.
         */
        allowedRegistries?: string[];
        /** Environments whose Pods may not use `:latest` or an untagged image. Default [prod]. */
        disallowLatestTagIn?: string[];
        /**
         * Environments where violations are refused (Enforce); the others'
         * are admitted with a warning and reported (Audit). Default [prod].
         */
        enforceIn?: string[];
        /**
         * Users allowed to write ResourceQuotas, LimitRanges,
         * NetworkPolicies and RoleBindings of tenant namespaces and to change
         * a namespace's cost center: the GitOps controller. Default
         * [system:serviceaccount:argocd:argocd-application-controller].
         */
        controllerUsers?: string[];
      };
      /** How vClusters are deployed. */
      vcluster?: {
        /** Helm repository of the vCluster chart. Default https://charts.loft.sh */
        chartRepo?: string;
        /** Exact chart version, a 0.36.x release (the values schema checked). Default 0.36.1 */
        chartVersion?: string;
        /**
         * The platform's AppProject of the vClusters' Applications. Default
         * platform-vclusters. Not the tenant's project: the chart creates
         * RBAC, quota and network policies that tenants' projects block.
         */
        project?: string;
        /**
         * The identity the Kubernetes backend uses on the host clusters
         * (the credential of `kubernetes.clusterLocatorMethods`), for the
         * vCluster kubeconfig download: each vCluster request renders a Role
         * and RoleBinding in the host namespace granting it `get` on that
         * vCluster's exported kubeconfig Secret only. Unset: nothing is
         * rendered and the download answers 502 until the platform grants it.
         */
        kubeconfigReader?: {
          /** ServiceAccount, User or Group. */
          kind: string;
          name: string;
          /** The ServiceAccount's namespace (ServiceAccounts only, required for them). */
          namespace?: string;
        };
      };
    };
    /** Rules for Tenants, checked by the catalog and by tenancy:tenant:create alike. */
    tenants?: {
      /**
       * Regular expression a Tenant's spec.costCenter must match in full,
       * e.g. `CC-[0-9]{4}`. Unset: no pattern (tenancy:tenant:create still
       * needs a label value: the cost center labels the tenant's namespaces).
       */
      costCenterPattern?: string;
    };
  };
}
