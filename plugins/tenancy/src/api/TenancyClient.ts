import { parseEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import {
  CostWindow,
  EntitySummary,
  FleetResponse,
  NamespaceCheckRequest,
  NamespaceCheckResponse,
  ProvisioningPolicyResponse,
  TenancyApiComponents,
  TenantRequestsResponse,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { TenancyApi } from './TenancyApi';

/**
 * Talks to the tenancy backend through the app's discovery and fetch APIs.
 * Identical requests in flight at the same time (several cards of one page)
 * share one HTTP call.
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

  private readonly inFlight = new Map<string, Promise<unknown>>();

  private constructor(
    private readonly discoveryApi: DiscoveryApi,
    private readonly fetchApi: FetchApi,
  ) {}

  async getFleet(options?: { window?: CostWindow }): Promise<FleetResponse> {
    return this.get<FleetResponse>('/v1/tenants', { window: options?.window });
  }

  async getEntitySummary(
    entityRef: string,
    options?: { window?: CostWindow },
  ): Promise<EntitySummary> {
    return this.get<EntitySummary>(`${entityPath(entityRef)}/summary`, {
      window: options?.window,
    });
  }

  async getTenantRequests(entityRef: string): Promise<TenantRequestsResponse> {
    return this.get<TenantRequestsResponse>(
      `${entityPath(entityRef)}/requests`,
    );
  }

  async getProvisioningPolicy(): Promise<ProvisioningPolicyResponse> {
    return this.get<ProvisioningPolicyResponse>('/v1/provisioning/policy');
  }

  async checkNamespace(
    request: NamespaceCheckRequest,
  ): Promise<NamespaceCheckResponse> {
    return this.fetch<NamespaceCheckResponse>(
      '/v1/provisioning/namespace-check',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
      },
    );
  }

  async getProvisioningMetrics(): Promise<
    TenancyApiComponents['schemas']['ProvisioningMetricsResponse']
  > {
    return this.get('/v1/provisioning/metrics');
  }

  async getVClusterKubeconfig(
    entityRef: string,
  ): Promise<{ filename: string; content: string }> {
    // A credential: never shared between callers nor kept.
    const response = await this.request(`${entityPath(entityRef)}/kubeconfig`, {
      cache: 'no-store',
    });
    const disposition = response.headers.get('content-disposition') ?? '';
    const filename =
      /filename="([^"]+)"/.exec(disposition)?.[1] ??
      `${parseEntityRef(entityRef).name}.kubeconfig`;
    return { filename, content: await response.text() };
  }

  private get<T>(
    path: string,
    query: Record<string, string | undefined> = {},
  ): Promise<T> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) params.set(key, value);
    }
    const key = params.size ? `${path}?${params}` : path;
    const pending = this.inFlight.get(key);
    if (pending) return pending as Promise<T>;
    const request = this.fetch<T>(key).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, request);
    return request;
  }

  private async fetch<T>(pathAndQuery: string, init?: RequestInit): Promise<T> {
    const response = await this.request(pathAndQuery, init);
    return (await response.json()) as T;
  }

  /** The backend's answer; a `ResponseError` unless it is 2xx. */
  private async request(
    pathAndQuery: string,
    init?: RequestInit,
  ): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('tenancy');
    const response = await this.fetchApi.fetch(
      `${baseUrl}${pathAndQuery}`,
      init,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}

function entityPath(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/v1/entities/${encodeURIComponent(
    kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;
}
