import {
  TENANT_API_VERSION,
  TENANT_KIND,
  TenantEntityV1alpha1,
} from '../model/TenantEntityV1alpha1';
import type { TenantRequestInput } from '../policy/validateTenantRequest';

/**
 * The Tenant entity of an onboarding request, as written to `tenant.yaml`.
 *
 * @public
 */
export function renderTenantEntity(
  input: TenantRequestInput,
): TenantEntityV1alpha1 {
  return {
    apiVersion: TENANT_API_VERSION,
    kind: TENANT_KIND,
    metadata: {
      name: input.name,
      ...(input.title ? { title: input.title } : {}),
      ...(input.description ? { description: input.description } : {}),
    },
    spec: {
      owner: input.owner,
      costCenter: input.costCenter,
      ssoGroup: input.ssoGroup,
      environments: [...new Set(input.environments)],
      isolation: input.isolation ?? 'namespaces',
      ...(input.tier ? { tier: input.tier } : {}),
    },
  };
}
