import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import TextField from '@material-ui/core/TextField';
import { formDataOf, placementOf } from './formDataOf';
import { namePartToCheck } from './namePartToCheck';
import { useNamespaceCheck } from './useNamespaceCheck';

/**
 * `ui:field: TenancyNamespaceName`: the optional middle part of the name,
 * checked as the user types: the composed name, every rule it breaks, and
 * whether it is still free. With `ui:options: { vcluster: true }` the name
 * of a vCluster, checked as its host namespace.
 */
export function NamespaceNameField(
  props: FieldExtensionComponentProps<string>,
) {
  const { formData, onChange, schema, rawErrors, idSchema, uiSchema } = props;
  const all = formDataOf(props);
  const { environment, cluster } = placementOf(all);
  const name = namePartToCheck(formData, uiSchema?.['ui:options']);
  const { result, error, checking } = useNamespaceCheck({
    // Without a tenant nothing is asked (a vCluster without a name yet).
    tenant: name === false ? undefined : (all.tenant as string | undefined),
    environment,
    cluster,
    name: name || undefined,
  });
  const problems = (result?.problems ?? []).filter(p => p.field === 'name');
  let helper: string = schema.description ?? '';
  let bad = !!rawErrors?.length;
  if (error) {
    helper = `The name could not be checked: ${error.message}`;
  } else if (problems.length) {
    helper = problems.map(p => p.message).join('; ');
    bad = true;
  } else if (result?.available === false) {
    helper = result.conflict ?? `${result.namespace} is taken`;
    bad = true;
  } else if (result) {
    helper = `${result.namespace}${result.available ? ' is available' : ''}${
      checking ? ' …' : ''
    }`;
  } else if (rawErrors?.length) {
    helper = rawErrors[0];
  }
  return (
    <TextField
      id={idSchema?.$id}
      fullWidth
      margin="normal"
      label={schema.title ?? 'Name part'}
      value={formData ?? ''}
      onChange={e => onChange(e.target.value || undefined)}
      error={bad}
      helperText={helper}
      inputProps={{ 'aria-describedby': `${idSchema?.$id}-helper-text` }}
      FormHelperTextProps={{
        id: `${idSchema?.$id}-helper-text`,
        role: 'status',
      }}
    />
  );
}
