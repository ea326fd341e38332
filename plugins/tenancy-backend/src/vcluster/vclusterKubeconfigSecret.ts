import { vclusterKubeconfigSecretName } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { TenancyPart } from '../catalog/TenancyCatalogIndex';

/**
 * Where a vCluster's kubeconfig is: the Secret its syncer writes for the
 * `exportKubeConfig.additionalSecrets` entry of the platform's values
 * (`vclusterKubeconfigSecretName` of tenancy-common, in the host
 * namespace, whose name is also the vCluster's release name), under the key
 * `config` (vCluster's default for an additional secret).
 */
export function vclusterKubeconfigSecret(part: TenancyPart) {
  return {
    cluster: part.cluster,
    namespace: part.namespace,
    name: vclusterKubeconfigSecretName(part.namespace),
    key: 'config',
  };
}
