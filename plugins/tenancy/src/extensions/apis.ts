import { ApiBlueprint, coreApis } from '@backstage/frontend-plugin-api';
import { tenancyApiRef } from '../api/TenancyApi';
import { TenancyClient } from '../api/TenancyClient';

/** The client of the tenancy backend: `api:tenancy`. */
const tenancyApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: tenancyApiRef,
      deps: { discoveryApi: coreApis.discovery, fetchApi: coreApis.fetch },
      factory: deps => TenancyClient.create(deps),
    }),
});

/** The APIs of the plugin. */
export const apis = [tenancyApi];
