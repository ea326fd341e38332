import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { NamespaceNameField } from './NamespaceNameField';
import { PlacementField } from './PlacementField';
import { QuotaField } from './QuotaField';
import { TenantPickerField } from './TenantPickerField';
import { validateNamespaceName, validateQuota } from './validateWithBackend';
import { validateTenant } from './validateTenant';

/** `ui:field: TenancyTenantPicker` */
export const tenantPickerFormField = createFormField({
  name: 'TenancyTenantPicker',
  component: TenantPickerField,
  validation: validateTenant,
});

/** `ui:field: TenancyPlacementPicker` */
export const placementFormField = createFormField({
  name: 'TenancyPlacementPicker',
  component: PlacementField,
});

/** `ui:field: TenancyNamespaceName` */
export const namespaceNameFormField = createFormField({
  name: 'TenancyNamespaceName',
  component: NamespaceNameField,
  validation: validateNamespaceName,
});

/** `ui:field: TenancyQuota` */
export const quotaFormField = createFormField({
  name: 'TenancyQuota',
  component: QuotaField,
  validation: validateQuota,
});
