import { createApiRef } from '@backstage/frontend-plugin-api';
import { FleetResponse } from '@tenancy-plugins/backstage-plugin-tenancy-common';

/**
 * Client of the tenancy backend.
 *
 * @public
 */
export interface TenancyApi {
  getFleet(): Promise<FleetResponse>;
}

/**
 * @public
 */
export const tenancyApiRef = createApiRef<TenancyApi>({
  id: 'plugin.tenancy.api',
});
