/*
 * The keys of the tenancy permission decisions (TenancyPermissions, used by
 * this package's policy and by adopters' own policies).
 */
export interface Config {
  tenancy?: {
    permissions?: {
      /**
       * Groups whose direct members are platform admins: granted
       * `tenancy.provision.admin` (request, resize and decommission for any
       * tenant, onboard tenants for any group) and reading every tenant's
       * quota and cost. Entity references; a bare name is a group in the
       * `default` namespace. Defaults to none: nobody is a platform admin.
       */
      platformAdminGroups?: string[];
      /**
       * Whether every signed-in user may read the quota, cost and Argo CD
       * summaries of tenants (and their namespaces and vClusters) they do
       * not own (`tenancy.entity.read`). `true` (the default): the catalog
       * is open, and so is what each tenant uses and costs. `false`: only
       * the entities owned by one of the user's groups (the catalog's
       * `IS_ENTITY_OWNER` rule), and every entity for platform admins.
       */
      readOtherTenants?: boolean;
    };
  };
}
