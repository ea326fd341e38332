import { ApiHolder } from '@backstage/core-plugin-api';
import { JsonObject } from '@backstage/types';
import { FieldValidation } from '@rjsf/utils';
import { tenancyApiRef } from '../api/TenancyApi';
import { placementOf } from './formDataOf';
import { isQuotaField } from './isQuotaField';
import { namePartToCheck } from './namePartToCheck';
import type { NamespaceCheckRequest } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import type { QuotaChoice } from './QuotaField';

/**
 * Checks the form's namespace with the backend before the step may be left,
 * adding an error for each problem of the fields this validator covers.
 */
async function checkForm(
  context: { apiHolder: ApiHolder; formData: JsonObject },
  validation: FieldValidation,
  covers: (field: string) => boolean,
  choice: QuotaChoice = {},
  /** The name part to check (`namePartToCheck`); the form's `name` when unset. */
  namePart?: string | false,
) {
  const api = context.apiHolder.get(tenancyApiRef);
  const { formData } = context;
  const { environment, cluster } = placementOf(formData);
  if (!api || typeof formData.tenant !== 'string' || !environment) return;
  if (namePart === false) return;
  const request: NamespaceCheckRequest = {
    tenant: formData.tenant,
    environment,
    cluster,
    name: namePart || (formData.name as string | undefined) || undefined,
    ...(choice.size ? { size: choice.size } : { quota: choice.quota }),
  };
  const result = await api.checkNamespace(request);
  for (const problem of result.problems.filter(p => covers(p.field))) {
    validation.addError(problem.message);
  }
  if (covers('name') && result.available === false) {
    validation.addError(result.conflict ?? `${result.namespace} is taken`);
  }
}

/** Validation of `TenancyNamespaceName` (a vCluster's: its host namespace). */
export function validateNamespaceName(
  value: string,
  validation: FieldValidation,
  context: {
    apiHolder: ApiHolder;
    formData: JsonObject;
    uiSchema?: { 'ui:options'?: unknown };
  },
) {
  return checkForm(
    context,
    validation,
    field => field === 'name',
    {},
    namePartToCheck(value, context.uiSchema?.['ui:options']),
  );
}

/**
 * Validation of `TenancyQuota`: a size must be one the policy offers, and the
 * size (resolved by the backend) or the custom values must pass the check.
 */
export async function validateQuota(
  value: QuotaChoice,
  validation: FieldValidation,
  context: { apiHolder: ApiHolder; formData: JsonObject },
) {
  if (!value?.size && !value?.quota) {
    validation.addError('choose a quota size or custom values');
    return;
  }
  const api = context.apiHolder.get(tenancyApiRef);
  const sizes = api ? (await api.getProvisioningPolicy()).quotaSizes : {};
  if (value.size && !Object.keys(sizes).includes(value.size)) {
    validation.addError(`size ${value.size} is not configured`);
    return;
  }
  await checkForm(
    context,
    validation,
    isQuotaField,
    value.size ? { size: value.size } : { quota: value.quota },
  );
}
