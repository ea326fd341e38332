import type { EnvironmentPolicy } from '../policy/TenancyPolicy';
import type { ValidationProblem } from '../policy/ValidationProblem';

/**
 * What the wizard's fields need of the platform policy:
 * `GET /api/tenancy/v1/provisioning/policy`.
 *
 * @public
 */
export interface ProvisioningPolicyResponse {
  environments: Record<string, EnvironmentPolicy>;
  quotaSizes: Record<string, Record<string, string>>;
  nodePools: string[];
}

/**
 * A namespace the wizard is about to request, checked as the user types:
 * `POST /api/tenancy/v1/provisioning/namespace-check`.
 *
 * @public
 */
export interface NamespaceCheckRequest {
  /** Tenant entity reference. */
  tenant: string;
  environment: string;
  cluster?: string;
  name?: string;
  /** When given, checked too (grammar, requests within limits, ceiling). */
  quota?: Record<string, string>;
}

/**
 * The answer of a namespace check.
 *
 * @public
 */
export interface NamespaceCheckResponse {
  /** The composed Kubernetes name. */
  namespace: string;
  problems: ValidationProblem[];
  /**
   * False when the namespace exists (catalog or GitOps repository) or is in
   * an open request; undefined when that could not be checked.
   */
  available?: boolean;
  /** Why it is not available. */
  conflict?: string;
}
