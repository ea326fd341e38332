import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { GitOpsLayout } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { createNamespaceCreateAction } from './actions/namespaceCreate';

/**
 * Scaffolder module of the tenancy plugins: the provisioning actions.
 *
 * @public
 */
export const scaffolderModuleTenancy = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'tenancy',
  register({ registerInit }) {
    registerInit({
      deps: {
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
        scaffolderActions: scaffolderActionsExtensionPoint,
      },
      async init({ config, catalog, scaffolderActions }) {
        const layout = GitOpsLayout.create({
          tenantsPath: config.getOptionalString('tenancy.gitops.tenantsPath'),
        });
        scaffolderActions.addActions(
          createNamespaceCreateAction({ catalog, layout }),
        );
      },
    });
  },
});
