import {
  createExternalRouteRef,
  createRouteRef,
} from '@backstage/core-plugin-api';

/**
 * Route of the fleet page. The one ref of the plugin: the legacy
 * `createPlugin` and the new-system plugin both expose it.
 */
export const rootRouteRef = createRouteRef({ id: 'tenancy' });

/**
 * A software template's wizard in the scaffolder, where "Request a
 * namespace" leads. Bound to the scaffolder's template page by default in the
 * new frontend system; legacy apps bind it in `createApp({ bindRoutes })`.
 */
export const templateWizardRouteRef = createExternalRouteRef({
  id: 'template-wizard',
  params: ['namespace', 'templateName'],
  optional: true,
  defaultTarget: 'scaffolder.selectedTemplate',
});
