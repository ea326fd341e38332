import type { Entity } from '@backstage/catalog-model';

/**
 * The API version of the Tenant kind.
 *
 * @public
 */
export const TENANT_API_VERSION = 'tenancy.io/v1alpha1';

/**
 * The kind of Tenant entities.
 *
 * @public
 */
export const TENANT_KIND = 'Tenant';

/**
 * How a tenant's workloads are isolated.
 *
 * @public
 */
export type TenantIsolation = 'namespaces' | 'vclusters' | 'both';

/**
 * A team that uses the platform: what the platform team records about it in Git.
 *
 * @public
 */
export interface TenantEntityV1alpha1 extends Entity {
  apiVersion: typeof TENANT_API_VERSION;
  kind: typeof TENANT_KIND;
  spec: {
    /** Entity reference of the owning Group. */
    owner: string;
    /** Cost center the tenant is charged to. */
    costCenter: string;
    /** SSO / identity-provider group bound in the tenant's RoleBindings. */
    ssoGroup?: string;
    /** Environments the tenant may use. */
    environments?: string[];
    /** Namespaces, vClusters, or both. */
    isolation?: TenantIsolation;
    /** Size / tier of the tenant, e.g. `small`, `medium`, `large`. */
    tier?: string;
    /**
     * Image reference prefixes the tenant may pull from besides the
     * platform's default (`tenancy.policy.guardrails.allowedRegistries`),
     * e.g. `ghcr.io/acme-payments/`; changed through the `tenant-exception`
     * template.
     */
    allowedRegistries?: string[];
    /** Optional tenant-wide ceiling, Kubernetes resource name to quantity. */
    quotaBudget?: Record<string, string>;
  };
}

/**
 * Whether an entity is a Tenant.
 *
 * @public
 */
export function isTenantEntity(entity: Entity): entity is TenantEntityV1alpha1 {
  return (
    entity.apiVersion === TENANT_API_VERSION &&
    entity.kind.toLocaleLowerCase('en-US') ===
      TENANT_KIND.toLocaleLowerCase('en-US')
  );
}
