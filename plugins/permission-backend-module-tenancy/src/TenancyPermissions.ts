import { UserInfoService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  isPermission,
  isResourcePermission,
  PolicyDecision,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  tenancyEntityReadPermission,
  tenancyProvisionAdminPermission,
  tenancyVClusterKubeconfigReadPermission,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';

/**
 * The choices behind the tenancy permission decisions
 * (`tenancy.permissions.*` in app-config).
 *
 * @public
 */
export interface TenancyPermissionsOptions {
  /**
   * Groups whose direct members are platform admins, as entity references
   * (a bare name is `group:default/<name>`). Default: none.
   */
  platformAdminGroups?: string[];
  /**
   * Whether users may read the quota, cost and Argo CD summaries of tenants
   * they do not own. Default: true.
   */
  readOtherTenants?: boolean;
}

/**
 * The decisions for the tenancy permissions, for a permission policy to
 * delegate to:
 *
 * - `tenancy.provision.admin`: ALLOW for direct members of a platform-admin
 *   group, DENY for everyone else. Members of a tenant's owning group need
 *   no permission to request for it; the provisioning actions check that.
 * - `tenancy.entity.read` (on catalog entities): ALLOW for platform admins
 *   and, with `readOtherTenants`, for everyone; otherwise CONDITIONAL on the
 *   catalog's `IS_ENTITY_OWNER` rule with the user's ownership references.
 * - `tenancy.vcluster.kubeconfig.read` (on catalog entities): ALLOW for
 *   platform admins, CONDITIONAL on `IS_ENTITY_OWNER` with the user's
 *   ownership references for everyone else (the members of the vCluster's
 *   owning Group), whatever `readOtherTenants` says; DENY without a user.
 *
 * `decide` answers `undefined` for every other permission, so a policy can
 * fall through to its own rules.
 *
 * @public
 */
export class TenancyPermissions {
  private readonly adminGroups: ReadonlySet<string>;
  private readonly readOtherTenants: boolean;

  /**
   * Reads `tenancy.permissions.*`; `userInfo` resolves a user's ownership
   * references (the user and the groups it is a member of).
   */
  static fromConfig(
    config: Config,
    deps: { userInfo: UserInfoService },
  ): TenancyPermissions {
    return TenancyPermissions.create({
      userInfo: deps.userInfo,
      platformAdminGroups: config.getOptionalStringArray(
        'tenancy.permissions.platformAdminGroups',
      ),
      readOtherTenants: config.getOptionalBoolean(
        'tenancy.permissions.readOtherTenants',
      ),
    });
  }

  /** The decisions with explicit options (tests, or a policy's own config). */
  static create(
    options: TenancyPermissionsOptions & { userInfo: UserInfoService },
  ): TenancyPermissions {
    const adminGroups = (options.platformAdminGroups ?? []).map(ref => {
      try {
        return stringifyEntityRef(
          parseEntityRef(ref, {
            defaultKind: 'group',
            defaultNamespace: 'default',
          }),
        );
      } catch (e) {
        throw new Error(
          `tenancy.permissions.platformAdminGroups: "${ref}" is not an entity reference: ${e}`,
        );
      }
    });
    return new TenancyPermissions(
      options.userInfo,
      adminGroups,
      options.readOtherTenants ?? true,
    );
  }

  private constructor(
    private readonly userInfo: UserInfoService,
    adminGroups: string[],
    readOtherTenants: boolean,
  ) {
    this.adminGroups = new Set(adminGroups);
    this.readOtherTenants = readOtherTenants;
  }

  /** Whether a permission is one of the tenancy permissions `decide` answers. */
  owns(request: PolicyQuery): boolean {
    return (
      isPermission(request.permission, tenancyProvisionAdminPermission) ||
      isPermission(request.permission, tenancyEntityReadPermission) ||
      isPermission(request.permission, tenancyVClusterKubeconfigReadPermission)
    );
  }

  /**
   * The decision for a tenancy permission, or `undefined` for a permission
   * this class does not own.
   */
  async decide(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision | undefined> {
    const { permission } = request;
    if (isPermission(permission, tenancyProvisionAdminPermission)) {
      const refs = await this.ownershipRefs(user);
      return {
        result: refs.some(ref => this.adminGroups.has(ref))
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      };
    }
    if (
      isPermission(permission, tenancyEntityReadPermission) &&
      isResourcePermission(permission, 'catalog-entity')
    ) {
      if (this.readOtherTenants) return { result: AuthorizeResult.ALLOW };
      return this.ownersOrAdmins(permission, user);
    }
    if (
      isPermission(permission, tenancyVClusterKubeconfigReadPermission) &&
      isResourcePermission(permission, 'catalog-entity')
    ) {
      return this.ownersOrAdmins(permission, user);
    }
    return undefined;
  }

  /**
   * ALLOW for platform admins, CONDITIONAL on the catalog's `IS_ENTITY_OWNER`
   * rule with the user's ownership references, DENY without any.
   */
  private async ownersOrAdmins(
    permission: ResourcePermission<'catalog-entity'>,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const refs = await this.ownershipRefs(user);
    if (refs.length === 0) return { result: AuthorizeResult.DENY };
    if (refs.some(ref => this.adminGroups.has(ref))) {
      return { result: AuthorizeResult.ALLOW };
    }
    return createCatalogConditionalDecision(
      permission,
      catalogConditions.isEntityOwner({ claims: refs }),
    );
  }

  private async ownershipRefs(user?: PolicyQueryUser): Promise<string[]> {
    if (!user) return [];
    const { ownershipEntityRefs } = await this.userInfo.getUserInfo(
      user.credentials,
    );
    return ownershipEntityRefs;
  }
}
