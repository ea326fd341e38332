import { ResponseError } from '@backstage/errors';
import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { FleetResponse } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { TenancyApi } from './TenancyApi';

/**
 * Talks to the tenancy backend through the app's discovery and fetch APIs.
 *
 * @public
 */
export class TenancyClient implements TenancyApi {
  static create(options: {
    discoveryApi: DiscoveryApi;
    fetchApi: FetchApi;
  }): TenancyClient {
    return new TenancyClient(options.discoveryApi, options.fetchApi);
  }

  private constructor(
    private readonly discoveryApi: DiscoveryApi,
    private readonly fetchApi: FetchApi,
  ) {}

  async getFleet(): Promise<FleetResponse> {
    return this.get<FleetResponse>('/v1/tenants');
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('tenancy');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
