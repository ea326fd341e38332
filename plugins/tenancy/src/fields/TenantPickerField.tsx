import { useApiHolder } from '@backstage/core-plugin-api';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import useAsync from 'react-use/esm/useAsync';
import {
  loadRequestableTenants,
  normalizeTenantRef,
} from './requestableTenants';

/**
 * `ui:field: TenancyTenantPicker`: the tenants the user may request for, by
 * title: those whose owning Group the user belongs to, or every tenant for a
 * holder of `tenancy.provision.admin`. The value is the Tenant's entity
 * reference; another tenant (e.g. from a link) is shown with the refusal.
 */
export function TenantPickerField(props: FieldExtensionComponentProps<string>) {
  const { formData, onChange, schema, rawErrors, required, idSchema } = props;
  const apis = useApiHolder();
  const {
    value: loaded,
    loading,
    error,
  } = useAsync(() => loadRequestableTenants(apis), [apis]);
  const tenants = loaded?.tenants;
  const formRef = formData ? normalizeTenantRef(formData) : undefined;
  const refusal = formRef ? loaded?.refusals.get(formRef) : undefined;

  let helper = schema.description;
  if (error) helper = `The tenants could not be loaded: ${error.message}`;
  else if (refusal) helper = refusal.message;
  else if (tenants && tenants.length === 0) {
    helper =
      "You belong to no tenant's owning group. Ask your team's owner, or the platform team for a new tenant.";
  }
  return (
    <TextField
      id={idSchema?.$id}
      select
      fullWidth
      margin="normal"
      label={schema.title ?? 'Tenant'}
      required={required}
      value={formData ?? ''}
      onChange={e => onChange(e.target.value)}
      disabled={loading || (!tenants?.length && !refusal)}
      error={!!error || !!refusal || !!rawErrors?.length}
      helperText={rawErrors?.[0] ?? helper}
    >
      {(tenants ?? []).map(t => (
        <MenuItem key={t.ref} value={t.ref}>
          {t.label}
        </MenuItem>
      ))}
      {refusal && (
        // Shown as chosen, never choosable: the refusal says why.
        <MenuItem key={formData} value={formData} disabled>
          {refusal.label}
        </MenuItem>
      )}
    </TextField>
  );
}
