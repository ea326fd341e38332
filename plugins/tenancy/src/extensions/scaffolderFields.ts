import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';

/** A wizard field, loaded with the other fields when the scaffolder needs one. */
const formField = <TName extends string>(
  name: TName,
  field: keyof typeof import('../fields/formFields'),
) =>
  FormFieldBlueprint.make({
    name,
    params: {
      field: () => import('../fields/formFields').then(m => m[field]),
    },
  });

/**
 * The wizard's fields (`scaffolder-form-field:tenancy/*`; their `ui:field`
 * names are in the README).
 */
export const scaffolderFields = [
  formField('tenant-picker', 'tenantPickerFormField'),
  formField('placement', 'placementFormField'),
  formField('namespace-name', 'namespaceNameFormField'),
  formField('quota', 'quotaFormField'),
];
