import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { isTenantEntity } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { useEffect } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { tenancyApiRef } from '../api/TenancyApi';
import { formDataOf, Placement } from './formDataOf';

/**
 * `ui:field: TenancyPlacementPicker`: the environment (the tenant's, as far
 * as the policy configures them) and a cluster the policy allows for it.
 * The value is `{ environment, cluster }`.
 */
export function PlacementField(props: FieldExtensionComponentProps<Placement>) {
  const { onChange, rawErrors, idSchema } = props;
  const value = props.formData ?? {};
  const tenantRef = formDataOf(props).tenant as string | undefined;
  const catalogApi = useApi(catalogApiRef);
  const tenancyApi = useApi(tenancyApiRef);

  const { value: options, error } = useAsync(async () => {
    const [policy, tenant] = await Promise.all([
      tenancyApi.getProvisioningPolicy(),
      tenantRef ? catalogApi.getEntityByRef(tenantRef) : undefined,
    ]);
    const allowed =
      tenant && isTenantEntity(tenant) ? tenant.spec.environments ?? [] : [];
    return {
      environments: allowed.filter(e => policy.environments[e]),
      clustersOf: (env?: string) =>
        (env && policy.environments[env]?.clusters) || [],
    };
  }, [tenancyApi, catalogApi, tenantRef]);

  const clusters = options?.clustersOf(value.environment) ?? [];
  // One allowed cluster: choose it.
  const { environment, cluster } = value;
  const onlyCluster = clusters.length === 1 ? clusters[0] : undefined;
  useEffect(() => {
    if (environment && onlyCluster && !cluster) {
      onChange({ environment, cluster: onlyCluster });
    }
  }, [environment, cluster, onlyCluster, onChange]);

  const errorText = error
    ? `The policy could not be loaded: ${error.message}`
    : rawErrors?.[0];
  return (
    <>
      <TextField
        id={`${idSchema?.$id}-environment`}
        select
        fullWidth
        margin="normal"
        label="Environment"
        required
        value={value.environment ?? ''}
        onChange={e =>
          onChange({ environment: e.target.value, cluster: undefined })
        }
        disabled={!options?.environments.length}
        error={!!errorText}
        helperText={
          errorText ??
          (tenantRef ? "The tenant's environments" : 'Choose the tenant first')
        }
      >
        {(options?.environments ?? []).map(env => (
          <MenuItem key={env} value={env}>
            {env}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        id={`${idSchema?.$id}-cluster`}
        select
        fullWidth
        margin="normal"
        label="Cluster"
        required
        value={value.cluster ?? ''}
        onChange={e => onChange({ ...value, cluster: e.target.value })}
        disabled={!clusters.length}
        helperText="Clusters the platform allows for the environment"
      >
        {clusters.map(name => (
          <MenuItem key={name} value={name}>
            {name}
          </MenuItem>
        ))}
      </TextField>
    </>
  );
}
