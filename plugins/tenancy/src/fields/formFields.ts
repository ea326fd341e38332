import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { fieldOptions } from './fieldOptions';

/** `ui:field: TenancyTenantPicker` */
export const tenantPickerFormField = createFormField(fieldOptions.tenantPicker);

/** `ui:field: TenancyPlacementPicker` */
export const placementFormField = createFormField(fieldOptions.placement);

/** `ui:field: TenancyNamespaceName` */
export const namespaceNameFormField = createFormField(
  fieldOptions.namespaceName,
);

/** `ui:field: TenancyQuota` */
export const quotaFormField = createFormField(fieldOptions.quota);
