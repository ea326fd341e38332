import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createNamespaceAdoptAction } from './actions/namespaceAdopt';
import { createNamespaceCreateAction } from './actions/namespaceCreate';
import { createNamespaceDeleteAction } from './actions/namespaceDelete';
import { createNamespaceUpdateAction } from './actions/namespaceUpdate';
import { createTenantCreateAction } from './actions/tenantCreate';
import { createTenantExceptionAction } from './actions/tenantException';
import { createVClusterCreateAction } from './actions/vclusterCreate';
import { createVClusterUpgradeAction } from './actions/vclusterUpgrade';

import {
  createPublisher,
  readTenancyConfig,
} from '@tenancy-plugins/backstage-plugin-tenancy-node';

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
        logger: coreServices.logger,
        userInfo: coreServices.userInfo,
        permissions: coreServices.permissions,
        auditor: coreServices.auditor,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        scaffolderActions: scaffolderActionsExtensionPoint,
      },
      async init({
        config,
        logger,
        userInfo,
        permissions,
        auditor,
        discovery,
        auth,
        catalog,
        scaffolderActions,
      }) {
        const { layout, policy } = readTenancyConfig(config);
        const publisher = await createPublisher(config);
        if (!publisher) {
          logger.warn(
            'tenancy.gitops.publisher is not configured: tenancy actions only render files into the workspace',
          );
        }
        const deps = {
          catalog,
          userInfo,
          permissions,
          auditor,
          layout,
          policy,
          publisher,
        };
        scaffolderActions.addActions(
          createNamespaceCreateAction(deps),
          createNamespaceUpdateAction(deps),
          createNamespaceDeleteAction(deps),
          createVClusterCreateAction(deps),
          createTenantCreateAction(deps),
          createTenantExceptionAction(deps),
          createNamespaceAdoptAction({ ...deps, discovery, auth }),
          createVClusterUpgradeAction(deps),
        );
      },
    });
  },
});
