import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { FleetResponse } from '@tenancy-plugins/backstage-plugin-tenancy-common';

/**
 * Builds the fleet overview: one row per tenant the caller may see.
 *
 * @public
 */
export interface FleetService {
  listTenants(options: {
    credentials: BackstageCredentials;
  }): Promise<FleetResponse>;
}
