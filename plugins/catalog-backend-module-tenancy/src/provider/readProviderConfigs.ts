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
 * map of provider ids to providers.
 */
export function readProviderConfigs(config: Config): ProviderConfig[] {
  const root = config.getOptionalConfig('catalog.providers.tenancy');
  if (!root) {
    return [];
  }
  if (root.has('target')) {
    return [readProviderConfig('default', root)];
  }
  return root.keys().map(id => readProviderConfig(id, root.getConfig(id)));
}

function readProviderConfig(id: string, config: Config): ProviderConfig {
  return {
    id,
    target: config.getString('target'),
    layout: GitOpsLayout.create({
      tenantsPath: config.getOptionalString('tenantsPath'),
      clustersPath: config.getOptionalString('clustersPath'),
    }),
    schedule: config.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          config.getConfig('schedule'),
        )
      : DEFAULT_SCHEDULE,
  };
}
