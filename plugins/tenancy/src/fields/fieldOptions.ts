import { FieldExtensionOptions } from '@backstage/plugin-scaffolder-react';
import { Placement } from './formDataOf';
import { NamespaceNameField } from './NamespaceNameField';
import { PlacementField } from './PlacementField';
import { QuotaChoice, QuotaField } from './QuotaField';
import { TenantPickerField } from './TenantPickerField';
import { validateNamespaceName, validateQuota } from './validateWithBackend';
import { validateTenant } from './validateTenant';

/**
 * The wizard's fields: `ui:field` name, component and validation, the one
 * definition both frontend systems register (`formFields.ts` for the new
 * system, the `*FieldExtension` exports of `legacy.ts` for the legacy one).
 */
export const fieldOptions = {
  /** `ui:field: TenancyTenantPicker` */
  tenantPicker: {
    name: 'TenancyTenantPicker',
    component: TenantPickerField,
    validation: validateTenant,
  } satisfies FieldExtensionOptions<string>,
  /** `ui:field: TenancyPlacementPicker` */
  placement: {
    name: 'TenancyPlacementPicker',
    component: PlacementField,
  } satisfies FieldExtensionOptions<Placement>,
  /** `ui:field: TenancyNamespaceName` */
  namespaceName: {
    name: 'TenancyNamespaceName',
    component: NamespaceNameField,
    validation: validateNamespaceName,
  } satisfies FieldExtensionOptions<string>,
  /** `ui:field: TenancyQuota` */
  quota: {
    name: 'TenancyQuota',
    component: QuotaField,
    validation: validateQuota,
  } satisfies FieldExtensionOptions<QuotaChoice>,
};
