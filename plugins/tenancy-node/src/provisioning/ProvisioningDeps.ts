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
import { GitOpsPublisher } from '../publishers/types';

/**
 * What every provisioning request is run with.
 *
 * @public
 */
export interface ProvisioningDeps {
  catalog: CatalogService;
  userInfo: UserInfoService;
  permissions: PermissionsService;
  /** Receives a `provisioning-request` event per run (see auditedRun). */
  auditor: AuditorService;
  layout: GitOpsLayout;
  policy: TenancyPolicy;
  /** Unset: requests only render files (create) or are refused (update, delete). */
  publisher?: GitOpsPublisher;
}
