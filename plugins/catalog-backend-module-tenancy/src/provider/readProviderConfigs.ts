import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { GitOpsLayout } from '@tenancy-plugins/backstage-plugin-tenancy-common';

/** One configured GitOps repository to ingest. */
export interface ProviderConfig {
  id: string;
  /** A URL any `integrations.*` entry can read, or a local folder. */
  target: string;
  layout: GitOpsLayout;
  schedule: SchedulerServiceTaskScheduleDefinition;
}

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 3 },
  initialDelay: { seconds: 5 },
};

/**
 * Reads `catalog.providers.tenancy`: either one provider (with `target`) or a
 * map of provider ids to providers. The tenants folder is the shared layout's
 * (`tenancy.gitops.tenantsPath`, read by `readTenancyConfig`), where the
 * provisioning actions write: a provider's own `tenantsPath` must name the
 * same folder, or the catalog would ingest another folder than the one
 * requests are written to, and the backend refuses to start.
 */
export function readProviderConfigs(
  config: Config,
  shared: GitOpsLayout,
): ProviderConfig[] {
  const root = config.getOptionalConfig('catalog.providers.tenancy');
  if (!root) {
    return [];
  }
  if (root.has('target')) {
    return [
      readProviderConfig('default', root, shared, 'catalog.providers.tenancy'),
    ];
  }
  return root
    .keys()
    .map(id =>
      readProviderConfig(
        id,
        root.getConfig(id),
        shared,
        `catalog.providers.tenancy.${id}`,
      ),
    );
}

function readProviderConfig(
  id: string,
  config: Config,
  shared: GitOpsLayout,
  key: string,
): ProviderConfig {
  const layout = GitOpsLayout.create({
    tenantsPath: config.getOptionalString('tenantsPath') ?? shared.tenantsPath,
    clustersPath: config.getOptionalString('clustersPath'),
  });
  if (layout.tenantsPath !== shared.tenantsPath) {
    throw new Error(
      `${key}.tenantsPath "${layout.tenantsPath}" differs from tenancy.gitops.tenantsPath "${shared.tenantsPath}", the folder the provisioning actions write tenants to: the catalog would read another folder. Remove ${key}.tenantsPath (it defaults to tenancy.gitops.tenantsPath) or set both to the same folder.`,
    );
  }
  return {
    id,
    target: config.getString('target'),
    layout,
    schedule: config.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          config.getConfig('schedule'),
        )
      : DEFAULT_SCHEDULE,
  };
}
