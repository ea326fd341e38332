import { mockServices } from '@backstage/backend-test-utils';
import { KubernetesBackendClient } from '../sources/kubernetes/KubernetesBackendClient';
import { CallPolicy } from '../upstream/callWithRetries';

/** A client of the Kubernetes backend at `baseUrl`, as the tenancy plugin. */
export function kubernetesBackendClientAt(baseUrl: string, policy: CallPolicy) {
  return KubernetesBackendClient.create({
    discovery: {
      getBaseUrl: async () => baseUrl,
      getExternalBaseUrl: async () => baseUrl,
    },
    auth: mockServices.auth({ pluginId: 'tenancy' }),
    policy,
  });
}
