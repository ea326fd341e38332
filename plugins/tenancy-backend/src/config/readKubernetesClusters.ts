import { Config } from '@backstage/config';
import { LoggerService } from '@backstage/backend-plugin-api';

/** A cluster of `kubernetes.clusterLocatorMethods` of type `config`. */
export interface KubernetesClusterConfig {
  name: string;
  url: string;
  serviceAccountToken?: string;
  caData?: string;
  skipTLSVerify: boolean;
}

/**
 * Reads the clusters the upstream Kubernetes plugin is configured with
 * (`kubernetes.clusterLocatorMethods`, type `config`). Clusters with an auth
 * provider other than `serviceAccount` are skipped with a warning: this
 * backend reads as itself, not as the signed-in user.
 */
export function readKubernetesClusters(
  config: Config,
  logger: LoggerService,
): KubernetesClusterConfig[] {
  const methods =
    config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  return methods
    .filter(m => m.getString('type') === 'config')
    .flatMap(m => m.getOptionalConfigArray('clusters') ?? [])
    .flatMap(c => {
      const name = c.getString('name');
      const authProvider =
        c.getOptionalString('authProvider') ?? 'serviceAccount';
      if (authProvider !== 'serviceAccount') {
        logger.warn(
          `Cluster ${name}: authProvider ${authProvider} is not supported for quota aggregation; use serviceAccount`,
        );
        return [];
      }
      return [
        {
          name,
          url: c.getString('url'),
          serviceAccountToken: c.getOptionalString('serviceAccountToken'),
          caData: c.getOptionalString('caData'),
          skipTLSVerify: c.getOptionalBoolean('skipTLSVerify') ?? false,
        },
      ];
    });
}
