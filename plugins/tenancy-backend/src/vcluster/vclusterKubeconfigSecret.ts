import { TenancyPart } from '../catalog/TenancyCatalogIndex';

/**
 * Where a vCluster's kubeconfig is: the Secret its syncer writes for the
 * `exportKubeConfig.additionalSecrets` entry of the platform's values
 * (`renderVClusterValues` of tenancy-common: `<name>-kubeconfig` in the host
 * namespace, whose name is also the vCluster's release name), under the key
 * `config` (vCluster's default for an additional secret).
 */
export function vclusterKubeconfigSecret(part: TenancyPart) {
  return {
    cluster: part.cluster,
    namespace: part.namespace,
    name: `${part.namespace}-kubeconfig`,
    key: 'config',
  };
}
