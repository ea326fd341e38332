import {
  AuditorService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  GitOpsLayout,
  TenancyPolicy,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { GitOpsPublisher } from '@tenancy-plugins/backstage-plugin-tenancy-node';

/**
 * What every tenancy action is built from.
 *
 * @public
 */
export interface TenancyActionDeps {
  catalog: CatalogService;
  userInfo: UserInfoService;
  permissions: PermissionsService;
  /** Receives a `provisioning-request` event per run (see auditedRun). */
  auditor: AuditorService;
  layout: GitOpsLayout;
  policy: TenancyPolicy;
  /** Unset: actions only render into the workspace (create) or refuse (update, delete). */
  publisher?: GitOpsPublisher;
}
