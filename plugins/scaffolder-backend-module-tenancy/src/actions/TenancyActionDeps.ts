import { ProvisioningDeps } from '@tenancy-plugins/backstage-plugin-tenancy-node';

/**
 * What every tenancy action is built from: the deps of a provisioning
 * request (`ProvisioningDeps` of tenancy-node).
 *
 * @public
 */
export type TenancyActionDeps = ProvisioningDeps;
