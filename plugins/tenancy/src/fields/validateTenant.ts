import { ApiHolder } from '@backstage/core-plugin-api';
import { FieldValidation } from '@rjsf/utils';
import {
  loadRequestableTenants,
  normalizeTenantRef,
} from './requestableTenants';

/**
 * Validation of `TenancyTenantPicker`: the tenant must be one the user may
 * request for, so a form opened with another team's tenant (a link with
 * `formData`) is refused before it is submitted, naming the permission.
 */
export async function validateTenant(
  value: string,
  validation: FieldValidation,
  context: { apiHolder: ApiHolder },
) {
  if (!value) return;
  const ref = normalizeTenantRef(value);
  const { tenants, refusals } = await loadRequestableTenants(context.apiHolder);
  if (ref && tenants.some(t => t.ref === ref)) return;
  validation.addError(
    (ref && refusals.get(ref)?.message) ??
      `tenant ${value} was not found in the catalog`,
  );
}
