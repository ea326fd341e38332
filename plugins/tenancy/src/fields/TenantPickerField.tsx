import { useApi, identityApiRef } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import {
  getTenantOwnerRef,
  isTenantEntity,
  TENANT_KIND,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import useAsync from 'react-use/esm/useAsync';

/**
 * `ui:field: TenancyTenantPicker`: the tenants whose owning Group the user
 * belongs to, by title; the value is the Tenant's entity reference.
 */
export function TenantPickerField(props: FieldExtensionComponentProps<string>) {
  const { formData, onChange, schema, rawErrors, required, idSchema } = props;
  const catalogApi = useApi(catalogApiRef);
  const identityApi = useApi(identityApiRef);
  const {
    value: tenants,
    loading,
    error,
  } = useAsync(async () => {
    const [{ ownershipEntityRefs }, { items }] = await Promise.all([
      identityApi.getBackstageIdentity(),
      catalogApi.getEntities({ filter: { kind: TENANT_KIND } }),
    ]);
    return items
      .filter(isTenantEntity)
      .filter(t => ownershipEntityRefs.includes(getTenantOwnerRef(t)))
      .map(t => ({
        ref: stringifyEntityRef(t),
        label: t.metadata.title ?? t.metadata.name,
      }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [catalogApi, identityApi]);

  let helper = schema.description;
  if (error) helper = `The tenants could not be loaded: ${error.message}`;
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
      disabled={loading || !tenants?.length}
      error={!!error || !!rawErrors?.length}
      helperText={rawErrors?.[0] ?? helper}
    >
      {(tenants ?? []).map(t => (
        <MenuItem key={t.ref} value={t.ref}>
          {t.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
