export interface Config {
  tenancy?: {
    gitops?: {
      /**
       * Folder of the tenants in the GitOps repository, relative to its root.
       * Defaults to `tenants`.
       */
      tenantsPath?: string;
    };
  };
}
