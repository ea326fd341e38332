import {
  BackstageCredentials,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  getTenantOwnerRef,
  isTenantEntity,
  TENANT_KIND,
  TenantEntityV1alpha1,
  tenancyProvisionAdminPermission,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';

/**
 * Loads the tenant a request is for and checks that the requester may ask
 * for it: a member of its owning Group, or a holder of the platform-admin
 * permission. Throws NotFoundError or NotAllowedError otherwise.
 */
export async function authorizeTenantRequest(options: {
  tenant: string;
  credentials: BackstageCredentials;
  catalog: CatalogService;
  userInfo: UserInfoService;
  permissions: PermissionsService;
}): Promise<{
  tenant: TenantEntityV1alpha1;
  owner: string;
  userEntityRef: string;
}> {
  const { credentials, catalog, userInfo, permissions } = options;
  let tenantRef;
  try {
    tenantRef = parseEntityRef(options.tenant, { defaultKind: TENANT_KIND });
  } catch (e) {
    throw new InputError(
      `tenant "${options.tenant}" is not an entity reference: ${e}`,
    );
  }
  const tenant = await catalog.getEntityByRef(tenantRef, { credentials });
  if (!tenant || !isTenantEntity(tenant)) {
    throw new NotFoundError(
      `tenant ${stringifyEntityRef(tenantRef)} was not found in the catalog`,
    );
  }
  const owner = getTenantOwnerRef(tenant);
  const { userEntityRef } = await authorizeForOwner({
    owner,
    what: `tenant ${tenant.metadata.name}`,
    credentials,
    userInfo,
    permissions,
  });
  return { tenant, owner, userEntityRef };
}

/**
 * Checks that the requester is a member of the owning Group, or holds the
 * platform-admin permission (`tenancy.provision.admin`, asked only of
 * non-members); throws NotAllowedError naming the requester, what is asked
 * for, its owner and the permission otherwise.
 *
 * @public
 */
export async function authorizeForOwner(options: {
  owner: string;
  /** What the owner owns, for the message. */
  what: string;
  credentials: BackstageCredentials;
  userInfo: UserInfoService;
  permissions: PermissionsService;
}): Promise<{ userEntityRef: string }> {
  const { owner, credentials, userInfo, permissions } = options;
  const { userEntityRef, ownershipEntityRefs } = await userInfo.getUserInfo(
    credentials,
  );
  if (!ownershipEntityRefs.includes(owner)) {
    const [decision] = await permissions.authorize(
      [{ permission: tenancyProvisionAdminPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `${userEntityRef} may not request for ${options.what}: ${userEntityRef} is not a member of ${owner}, which owns ${options.what}, nor a platform admin (the ${tenancyProvisionAdminPermission.name} permission was denied)`,
      );
    }
  }
  return { userEntityRef };
}
