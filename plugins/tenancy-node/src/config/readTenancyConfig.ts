import { Config, readDurationFromConfig } from '@backstage/config';
import { HumanDuration } from '@backstage/types';
import {
  GitOpsLayout,
  TenancyPolicy,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { readTenancyPolicy } from './readTenancyPolicy';

/**
 * The tenancy settings the scaffolder module, the catalog module and the
 * backend share.
 *
 * @public
 */
export interface TenancyConfig {
  /** The GitOps repository's layout: `tenancy.gitops.tenantsPath`. */
  layout: GitOpsLayout;
  /** `tenancy.policy` and `tenancy.tenants.costCenterPattern`. */
  policy: TenancyPolicy;
  /**
   * `tenancy.gitops.refreshRequests`: how often the backend brings open
   * requests up to date with the base branch (default every minute).
   */
  refreshRequests: { frequency: HumanDuration };
}

/**
 * The one reader of `tenancy.gitops.tenantsPath`,
 * `tenancy.gitops.refreshRequests`, `tenancy.policy.*` and
 * `tenancy.tenants.*` (documented in this package's config.d.ts; the
 * publisher under `tenancy.gitops.publisher` is read by `createPublisher`).
 * Throws at start-up with the key at fault.
 *
 * @public
 */
export function readTenancyConfig(config: Config): TenancyConfig {
  return {
    layout: GitOpsLayout.create({
      tenantsPath: config.getOptionalString('tenancy.gitops.tenantsPath'),
    }),
    policy: readTenancyPolicy(config),
    refreshRequests: {
      frequency: config.has('tenancy.gitops.refreshRequests.frequency')
        ? readDurationFromConfig(config, {
            key: 'tenancy.gitops.refreshRequests.frequency',
          })
        : { minutes: 1 },
    },
  };
}
