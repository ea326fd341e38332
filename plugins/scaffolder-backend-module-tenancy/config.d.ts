/**
 * The scaffolder module reads no keys of its own. `tenancy.gitops.*`,
 * `tenancy.policy.*` and `tenancy.tenants.*` are read through
 * `readTenancyConfig` and documented by their owner,
 * `@tenancy-plugins/backstage-plugin-tenancy-node` (its config.d.ts).
 */
export interface Config {}
