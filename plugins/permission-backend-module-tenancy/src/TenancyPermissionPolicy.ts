import { UserInfoService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { TenancyPermissions } from './TenancyPermissions';

/**
 * The policy of this package's backend module, for apps without a policy of
 * their own: the tenancy permissions as {@link TenancyPermissions} decides
 * them, every other permission allowed (what the allow-all policy does).
 *
 * @public
 */
export class TenancyPermissionPolicy implements PermissionPolicy {
  /** Reads `tenancy.permissions.*` (see {@link TenancyPermissions}). */
  static fromConfig(
    config: Config,
    deps: { userInfo: UserInfoService },
  ): TenancyPermissionPolicy {
    return new TenancyPermissionPolicy(
      TenancyPermissions.fromConfig(config, deps),
    );
  }

  private constructor(private readonly tenancy: TenancyPermissions) {}

  /** The tenancy decision, or ALLOW for every other permission. */
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    return (
      (await this.tenancy.decide(request, user)) ?? {
        result: AuthorizeResult.ALLOW,
      }
    );
  }
}
