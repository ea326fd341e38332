import type {
  NamespaceCheckRequest,
  NamespaceCheckResponse,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';

/*
 * The namespace check with a quota size: the backend resolves the size and
 * answers the resolved values. Declared here until the generated types of
 * tenancy-common carry `size` and `quota`; then these are the same types.
 */

/** The check's request, with a quota size the backend resolves. */
export interface QuotaNamespaceCheckRequest extends NamespaceCheckRequest {
  /** A quota size of the policy, instead of `quota`. */
  size?: string;
}

/** The check's answer, with the quota the backend resolved. */
export interface QuotaNamespaceCheckResponse extends NamespaceCheckResponse {
  /** The values of the size or the custom quota, as the backend checked them. */
  quota?: Record<string, string>;
}
