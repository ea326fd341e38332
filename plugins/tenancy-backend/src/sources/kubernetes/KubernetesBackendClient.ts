import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { callWithRetries, CallPolicy } from '../../upstream/callWithRetries';
import { fetchJson } from '../../upstream/fetchJson';
import { parseUpstream } from '../../upstream/parseUpstream';
import { clusterListSchema } from './kubernetesSchemas';

/** A cluster as the Kubernetes backend lists it. */
export interface KubernetesBackendCluster {
  name: string;
  /** The auth provider the Kubernetes backend uses for it, e.g. `serviceAccount`, `aws`, `oidc`. */
  authProvider?: string;
}

/** The header of the Kubernetes backend's proxy that names the cluster. */
const CLUSTER_HEADER = 'Backstage-Kubernetes-Cluster';

/**
 * The upstream Kubernetes backend (`@backstage/plugin-kubernetes-backend`),
 * called as this plugin with a plugin-to-plugin service token: its cluster
 * list (`GET /clusters`) and its proxy (`GET /proxy/<path>` with the
 * `Backstage-Kubernetes-Cluster` header), which reaches the cluster with the
 * credential the Kubernetes backend's own auth strategy gives for it. A
 * service principal is allowed `kubernetes.clusters.read` and
 * `kubernetes.proxy` by the permission framework.
 */
export class KubernetesBackendClient {
  private constructor(
    private readonly discovery: DiscoveryService,
    private readonly auth: AuthService,
    private readonly policy: CallPolicy,
  ) {}

  static create(options: {
    discovery: DiscoveryService;
    auth: AuthService;
    policy: CallPolicy;
  }) {
    return new KubernetesBackendClient(
      options.discovery,
      options.auth,
      options.policy,
    );
  }

  private async call(path: string, headers: Record<string, string> = {}) {
    const [baseUrl, { token }] = await Promise.all([
      this.discovery.getBaseUrl('kubernetes'),
      this.auth.getPluginRequestToken({
        onBehalfOf: await this.auth.getOwnServiceCredentials(),
        targetPluginId: 'kubernetes',
      }),
    ]);
    return callWithRetries(
      signal =>
        fetchJson(`${baseUrl}${path}`, {
          headers: { ...headers, authorization: `Bearer ${token}` },
          signal,
        }),
      this.policy,
    );
  }

  /** Every cluster the Kubernetes backend's cluster locators find. */
  async listClusters(): Promise<KubernetesBackendCluster[]> {
    const body = await this.call('/clusters');
    return parseUpstream(
      clusterListSchema,
      body,
      'Kubernetes backend cluster list',
    ).items;
  }

  /** A GET of the cluster's API through the proxy, e.g. `/api/v1/namespaces?limit=500`. */
  get(cluster: string, path: string): Promise<unknown> {
    return this.call(`/proxy${path}`, { [CLUSTER_HEADER]: cluster });
  }
}
