import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

interface TenancyProviderConfig {
  /**
   * The GitOps repository: a URL readable through an `integrations.*` entry
   * (e.g. https://github.com/acme/platform-gitops/tree/main), or a local folder
   * (relative to the backend's working directory).
   */
  target: string;
  /**
   * Folder of the tenants in the repository. Defaults to
   * `tenancy.gitops.tenantsPath` (documented by tenancy-node), the folder the
   * provisioning actions write to; any other folder is refused at start-up.
   */
  tenantsPath?: string;
  /** Folder of the cluster entities in the repository. Defaults to `clusters`. */
  clustersPath?: string;
  /** How often to read the repository. Defaults to every 5 minutes. */
  schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
}

/**
 * The provider's own keys. `tenancy.gitops.tenantsPath` and
 * `tenancy.tenants.costCenterPattern`, which this module also reads, are
 * documented by their owner, tenancy-node (its config.d.ts).
 */
export interface Config {
  catalog?: {
    providers?: {
      /**
       * GitOps repositories to ingest tenants, namespaces, vClusters and
       * clusters from: one provider, or a map of provider ids to providers.
       */
      tenancy?: TenancyProviderConfig | { [id: string]: TenancyProviderConfig };
    };
  };
}
