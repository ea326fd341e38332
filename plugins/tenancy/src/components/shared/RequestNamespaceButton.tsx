import { LinkButton } from '@backstage/core-components';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  routeResolutionApiRef,
  useApiHolder,
} from '@backstage/frontend-plugin-api';
import AddIcon from '@material-ui/icons/Add';
import { templateWizardRouteRef } from '../../routes';

/** Where the scaffolder is mounted when no route is bound (its default). */
const FALLBACK_SCAFFOLDER_PATH = '/create';

/**
 * Opens the new-namespace wizard pre-filled with the tenant.
 */
export function RequestNamespaceButton(props: {
  tenantRef: string;
  /** Entity ref of the template, default `template:default/new-namespace`. */
  templateRef?: string;
}) {
  const template = parseEntityRef(
    props.templateRef ?? 'template:default/new-namespace',
    { defaultKind: 'template', defaultNamespace: 'default' },
  );
  // Apps on the legacy frontend system have no route resolution API: they
  // get the scaffolder's default path.
  const wizardRoute = useApiHolder()
    .get(routeResolutionApiRef)
    ?.resolve(templateWizardRouteRef, { sourcePath: window.location.pathname });
  const params = { namespace: template.namespace, templateName: template.name };
  const path = wizardRoute
    ? wizardRoute(params)
    : `${FALLBACK_SCAFFOLDER_PATH}/templates/${encodeURIComponent(
        params.namespace,
      )}/${encodeURIComponent(params.templateName)}`;
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
