import { DEFAULT_SIMULATOR_CREDENTIALS } from './createSimulatorServer';
import { SimulatorCredentials } from './SimulatorControls';
import { SimulatedWorld } from './world/SimulatedWorld';

/**
 * Backend configuration that points the tenancy backend at a simulator:
 * `kubernetes.clusterLocatorMethods` (for the Kubernetes backend, which the
 * tenancy backend reads the clusters through), `argocd.appLocatorMethods`
 * and `tenancy.cost`, as a platform team would write them for real upstreams.
 */
export function simulatorBackendConfig(
  world: SimulatedWorld,
  url: string,
  options: {
    credentials?: SimulatorCredentials;
    argocdAuth?: 'token' | 'password';
    costType?: 'opencost' | 'kubecost';
  } = {},
) {
  const credentials = options.credentials ?? DEFAULT_SIMULATOR_CREDENTIALS;
  const costType = options.costType ?? 'opencost';
  return {
    kubernetes: {
      serviceLocatorMethod: { type: 'multiTenant' },
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: world.clusters.map(c => ({
            name: c.name,
            url: `${url}/k8s/${c.name}`,
            authProvider: 'serviceAccount',
            serviceAccountToken: credentials.kubernetesToken,
            skipTLSVerify: true,
          })),
        },
      ],
    },
    argocd: {
      appLocatorMethods: [
        {
          type: 'config',
          instances: world.argocd.map(i => ({
            name: i.name,
            url: `${url}/argocd/${i.name}`,
            ...(options.argocdAuth === 'password'
              ? {
                  username: credentials.argocdUsername,
                  password: credentials.argocdPassword,
                }
              : { token: credentials.argocdToken }),
          })),
        },
      ],
    },
    tenancy: {
      cost: {
        currency: 'USD',
        instances: world.cost.map(i => ({
          name: i.name,
          type: costType,
          url: `${url}/${costType}/${i.name}`,
          ...(i.clusters.length === 1 ? { cluster: i.clusters[0] } : {}),
        })),
      },
    },
  };
}
