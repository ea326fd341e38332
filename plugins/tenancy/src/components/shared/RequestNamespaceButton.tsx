import { parseEntityRef } from '@backstage/catalog-model';
import { LinkButton } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import AddIcon from '@material-ui/icons/Add';
import { templateWizardRouteRef } from '../../routes';

/**
 * Opens the new-namespace wizard pre-filled with the tenant, through the
 * external route `templateWizard` (the same ref in both frontend systems).
 * Nothing when the app binds no wizard.
 */
export function RequestNamespaceButton(props: {
  tenantRef: string;
  /** Entity ref of the template, default `template:default/new-namespace`. */
  templateRef?: string;
}) {
  const wizardRoute = useRouteRef(templateWizardRouteRef);
  if (!wizardRoute) {
    return null;
  }
  const template = parseEntityRef(
    props.templateRef ?? 'template:default/new-namespace',
    { defaultKind: 'template', defaultNamespace: 'default' },
  );
  const path = wizardRoute({
    namespace: template.namespace,
    templateName: template.name,
  });
  const formData = encodeURIComponent(
    JSON.stringify({ tenant: props.tenantRef }),
  );
  return (
    <LinkButton
      to={`${path}?formData=${formData}`}
      color="primary"
      variant="contained"
      startIcon={<AddIcon />}
    >
      Request a namespace
    </LinkButton>
  );
}
