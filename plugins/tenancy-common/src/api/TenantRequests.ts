/**
 * A provisioning request of a tenant: a pull request on the GitOps
 * repository opened by one of the tenancy scaffolder actions.
 *
 * @public
 */
export interface TenantRequest {
  number: number;
  title: string;
  /** `open`, `merged` or `closed`. */
  state: 'open' | 'merged' | 'closed';
  /** Link to the pull request (for the local git repository, its record). */
  url: string;
  branch: string;
  createdAt?: string;
  updatedAt?: string;
}

/**
 * Response of `GET /api/tenancy/v1/entities/tenant/{namespace}/{name}/requests`.
 *
 * @public
 */
export interface TenantRequestsResponse {
  items: TenantRequest[];
  /** Set when the GitOps repository could not be read; items is then empty. */
  error?: string;
  /** False when no GitOps publisher is configured. */
  configured: boolean;
}
