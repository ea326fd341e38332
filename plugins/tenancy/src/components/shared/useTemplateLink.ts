import { parseEntityRef } from '@backstage/catalog-model';
import { useRouteRef } from '@backstage/core-plugin-api';
import { templateWizardRouteRef } from '../../routes';

/**
 * Links to a software template's wizard, pre-filled with `formData`, through
 * the external route `templateWizard` (the same ref in both frontend
 * systems). Undefined when the app binds no wizard.
 */
export function useTemplateLink():
  | ((templateRef: string, formData: Record<string, unknown>) => string)
  | undefined {
  const wizardRoute = useRouteRef(templateWizardRouteRef);
  if (!wizardRoute) {
    return undefined;
  }
  return (templateRef, formData) => {
    const template = parseEntityRef(templateRef, {
      defaultKind: 'template',
      defaultNamespace: 'default',
    });
    const path = wizardRoute({
      namespace: template.namespace,
      templateName: template.name,
    });
    return `${path}?formData=${encodeURIComponent(JSON.stringify(formData))}`;
  };
}
