import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { TenancyPermissionPolicy } from './TenancyPermissionPolicy';

/**
 * Permission module of the tenancy plugins: sets {@link TenancyPermissionPolicy}
 * as the permission policy, for apps without a policy of their own.
 *
 * @public
 */
export const permissionModuleTenancy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'tenancy',
  register({ registerInit }) {
    registerInit({
      deps: {
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
        policy: policyExtensionPoint,
      },
      async init({ config, userInfo, policy }) {
        policy.setPolicy(
          TenancyPermissionPolicy.fromConfig(config, { userInfo }),
        );
      },
    });
  },
});
