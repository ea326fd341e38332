import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AddressInfo } from 'node:net';
import { KubernetesBackendClient } from '../sources/kubernetes/KubernetesBackendClient';
import { CallPolicy } from '../upstream/callWithRetries';
import { kubernetesBackendClientAt } from './kubernetesBackendClientAt';

/**
 * The upstream Kubernetes backend alone, with `kubernetes` config, and a
 * client of it as the tenancy plugin.
 */
export async function startKubernetesBackend(kubernetes: object): Promise<{
  client: (policy?: CallPolicy) => KubernetesBackendClient;
}> {
  const { server } = await startTestBackend({
    features: [
      kubernetesPlugin,
      catalogServiceMock.factory(),
      mockServices.rootConfig.factory({ data: { kubernetes } }),
    ],
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://localhost:${port}/api/kubernetes`;
  const client = (
    // The first proxied call loads @kubernetes/client-node, slow under jest.
    policy: CallPolicy = { timeoutMs: 20_000, retries: 0, backoffMs: 1 },
  ) => kubernetesBackendClientAt(baseUrl, policy);
  return { client };
}
