export interface Config {
  tenancy?: {
    gitops?: {
      /**
       * Folder of the tenants in the GitOps repository, relative to its root.
       * Defaults to `tenants`.
       */
      tenantsPath?: string;
      /**
       * Where provisioning requests become pull requests. Unset: the actions
       * only render files into the scaffolder workspace.
       */
      publisher?: {
        /**
         * `local`: a local git repository (the embedded default); `github`: a
         * GitHub or GitHub Enterprise repository, with the credentials of the
         * matching `integrations.github` entry.
         */
        type: 'local' | 'github';
        /** local: folder of the repository, relative to the backend's working directory. */
        path?: string;
        /** github: the repository, e.g. https://github.com/acme/platform-gitops */
        repoUrl?: string;
        /** When the repository does not exist: a folder whose files seed it. */
        seedFrom?: string;
        /** The branch pull requests target. Defaults to `main`. */
        baseBranch?: string;
      };
    };
    /** Platform policy the provisioning actions enforce. */
    policy?: {
      /** Per environment name (e.g. dev, staging, prod). */
      environments?: {
        [environment: string]: {
          /** Clusters the environment's namespaces may run on. */
          clusters: string[];
          /** Pod Security Standards level enforced: privileged, baseline or restricted (default). */
          podSecurity?: string;
          /** Upper bound of each quota, Kubernetes resource name to quantity. */
          ceiling?: { [resource: string]: string | number };
        };
      };
      /** Named quota sizes offered by the wizard, each resource name to quantity. */
      quotaSizes?: { [size: string]: { [resource: string]: string | number } };
      /** ClusterRoles the tenant's SSO group is bound to. Defaults to [edit]. */
      clusterRoles?: string[];
      /** Namespaces no tenant may request. */
      reservedNamespaces?: string[];
      /** Prefixes no tenant namespace may start with. */
      reservedPrefixes?: string[];
      /** Node pools vClusters may use. */
      nodePools?: string[];
    };
  };
}
