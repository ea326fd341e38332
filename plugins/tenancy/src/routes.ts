import {
  createExternalRouteRef,
  createRouteRef,
} from '@backstage/frontend-plugin-api';

/** Route of the fleet page. */
export const rootRouteRef = createRouteRef();

/**
 * A software template's wizard in the scaffolder, where "Request a
 * namespace" leads; bound to the scaffolder by default.
 */
export const templateWizardRouteRef = createExternalRouteRef({
  params: ['namespace', 'templateName'],
  defaultTarget: 'scaffolder.selectedTemplate',
});
