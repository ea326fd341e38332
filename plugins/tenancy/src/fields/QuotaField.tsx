import { useApi } from '@backstage/core-plugin-api';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import MenuItem from '@material-ui/core/MenuItem';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { tenancyApiRef } from '../api/TenancyApi';
import { formDataOf, placementOf } from './formDataOf';
import { isQuotaField } from './isQuotaField';
import { useNamespaceCheck } from './useNamespaceCheck';

/** A named size, or custom values. */
export interface QuotaChoice {
  size?: string;
  quota?: Record<string, string>;
}

/** The resources a custom quota sets. */
export const CUSTOM_RESOURCES = [
  'requests.cpu',
  'limits.cpu',
  'requests.memory',
  'limits.memory',
  'pods',
];

const CUSTOM = 'custom';

/** `cpu / memory` of a LimitRange level, or a dash. */
function levelText(level?: Record<string, string>): string {
  return level ? [level.cpu ?? '—', level.memory ?? '—'].join(' / ') : '—';
}

/**
 * `ui:field: TenancyQuota`: a quota size of the policy (S, M, L …) or custom
 * values, each shown against the environment's ceiling, and checked as the
 * user types. The value is `{ size }` or `{ quota }`. The backend resolves a
 * size: its values are the check's answer, never looked up here.
 */
export function QuotaField(props: FieldExtensionComponentProps<QuotaChoice>) {
  const { onChange, rawErrors, idSchema, schema } = props;
  const value = props.formData ?? {};
  const all = formDataOf(props);
  const { environment, cluster } = placementOf(all);
  const tenancyApi = useApi(tenancyApiRef);
  const { value: policy, error } = useAsync(
    () => tenancyApi.getProvisioningPolicy(),
    [tenancyApi],
  );
  const sizes = Object.keys(policy?.quotaSizes ?? {});
  const ceiling =
    (environment && policy?.environments[environment]?.ceiling) || {};
  const check = useNamespaceCheck({
    tenant: all.tenant as string | undefined,
    environment,
    cluster,
    name: all.name as string | undefined,
    ...(value.size ? { size: value.size } : { quota: value.quota }),
  });
  // What the backend resolved for the input as it is now; nothing until then.
  const resolved = check.current ? check.result?.quota : undefined;
  const quota = (value.size ? resolved : value.quota) ?? {};
  const problems = (check.result?.problems ?? []).filter(p =>
    isQuotaField(p.field),
  );
  const current = check.current ? check.result : undefined;
  const limits = current?.limits;
  const budget = current?.budget
    ? Object.fromEntries(current.budget.map(line => [line.resource, line]))
    : undefined;
  const resources =
    value.size && resolved ? Object.keys(resolved) : CUSTOM_RESOURCES;
  // Problems of custom values show at their input; all others below the table.
  const inline = value.size ? [] : resources.map(r => `quota.${r}`);

  return (
    <>
      <TextField
        id={`${idSchema?.$id}-size`}
        select
        fullWidth
        margin="normal"
        label={schema.title ?? 'Quota'}
        required
        value={value.size ?? (value.quota ? CUSTOM : '')}
        onChange={e =>
          onChange(
            e.target.value === CUSTOM
              ? { quota: { ...quota } }
              : { size: e.target.value },
          )
        }
        error={!!error || !!rawErrors?.length}
        helperText={
          error
            ? `The quota sizes could not be loaded: ${error.message}`
            : rawErrors?.[0] ?? schema.description
        }
      >
        {sizes.map(size => (
          <MenuItem key={size} value={size}>
            {size}
          </MenuItem>
        ))}
        <MenuItem value={CUSTOM}>Custom values</MenuItem>
      </TextField>
      {(value.size || value.quota) && (
        <Table size="small" aria-label="Quota against the environment ceiling">
          <TableHead>
            <TableRow>
              <TableCell>Resource</TableCell>
              <TableCell>Requested</TableCell>
              <TableCell>{environment ?? 'Environment'} ceiling</TableCell>
              {budget && <TableCell>Tenant budget left</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {resources.map(resource => {
              const problem = problems.find(
                p => p.field === `quota.${resource}`,
              );
              return (
                <TableRow key={resource}>
                  <TableCell>{resource}</TableCell>
                  <TableCell>
                    {value.size ? (
                      quota[resource]
                    ) : (
                      <TextField
                        value={quota[resource] ?? ''}
                        inputProps={{ 'aria-label': resource }}
                        onChange={e =>
                          onChange({
                            quota: { ...quota, [resource]: e.target.value },
                          })
                        }
                        error={!!problem}
                        helperText={problem?.message}
                      />
                    )}
                  </TableCell>
                  <TableCell>{ceiling[resource] ?? 'no ceiling'}</TableCell>
                  {budget && (
                    <TableCell>
                      {budget[resource]
                        ? `${budget[resource].remaining} of ${budget[resource].budget}`
                        : 'not budgeted'}
                    </TableCell>
                  )}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {limits && (
        <Typography variant="body2" color="textSecondary">
          Containers without their own get requests{' '}
          {levelText(limits.defaultRequest)} and limits{' '}
          {levelText(limits.default)}; at most {levelText(limits.max)} each.
        </Typography>
      )}
      {problems
        .filter(p => !inline.includes(p.field))
        .map(p => (
          <Typography
            key={`${p.field}-${p.rule}`}
            color="error"
            variant="body2"
            role="alert"
          >
            {p.message}
          </Typography>
        ))}
    </>
  );
}
