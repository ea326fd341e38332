import { ButtonLink } from '@backstage/ui';
import AddIcon from '@material-ui/icons/Add';
import { useTemplateLink } from './useTemplateLink';

/**
 * Opens the new-namespace wizard pre-filled with the tenant. Nothing when
 * the app binds no wizard.
 */
export function RequestNamespaceButton(props: {
  tenantRef: string;
  /** Entity ref of the template, default `template:default/new-namespace`. */
  templateRef?: string;
}) {
  const templateLink = useTemplateLink();
  if (!templateLink) {
    return null;
  }
  return (
    <ButtonLink
      href={templateLink(
        props.templateRef ?? 'template:default/new-namespace',
        { tenant: props.tenantRef },
      )}
      variant="primary"
      iconStart={<AddIcon fontSize="small" />}
    >
      Request a namespace
    </ButtonLink>
  );
}
