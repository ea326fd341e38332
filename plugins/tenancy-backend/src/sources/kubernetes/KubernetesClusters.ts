import { LoggerService } from '@backstage/backend-plugin-api';
import type { GitOpsEngine } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import {
  KubernetesBackendClient,
  KubernetesBackendCluster,
} from './KubernetesBackendClient';
import { PolicySource } from '../policy/PolicySource';
import { Source } from '../types';
import { FluxSource } from './FluxSource';
import { KubernetesSource } from './KubernetesSource';
import { VClusterSource } from './VClusterSource';

/**
 * Auth providers of the Kubernetes backend whose credential is the
 * signed-in user's own token, sent by the frontend with each request: a
 * scheduled task has no user, so the proxy has nothing to authenticate with.
 */
const USER_TOKEN_AUTH_PROVIDERS = new Set(['google', 'oidc', 'aks']);

/**
 * The clusters of the Kubernetes backend as sources, asked afresh at every
 * refresh so clusters its locators add or drop (catalog, GKE) follow: per
 * cluster a Kubernetes source and, unless `policyReports` is off, a policy
 * source, and for a cluster Flux reconciles (`engineOf`), a Flux source
 * (its Kustomizations and HelmReleases). A cluster whose auth provider needs the signed-in user's token is
 * left out, with one warning per cluster.
 */
export class KubernetesClusters {
  private readonly warned = new Set<string>();

  constructor(
    private readonly client: KubernetesBackendClient,
    private readonly logger: LoggerService,
    private readonly options: {
      policyReports: boolean;
      /** The GitOps engine of a cluster; Argo CD when not given. */
      engineOf?: (cluster: string) => GitOpsEngine;
    } = {
      policyReports: false,
    },
  ) {}

  /**
   * The sources of each cluster this backend can read as itself. When the
   * cluster list cannot be had, the clusters of the last refresh
   * (`previous`), so their failure is recorded and their last good data kept.
   */
  async sources(previous: string[]): Promise<Source[]> {
    let names: string[];
    try {
      const clusters = await this.client.listClusters();
      names = clusters.filter(c => this.readable(c)).map(c => c.name);
    } catch (error) {
      this.logger.warn(
        `Tenancy: the Kubernetes backend's cluster list failed, refreshing the clusters of the last refresh (${
          previous.join(', ') || 'none'
        }): ${(error as Error)?.message ?? String(error)}`,
      );
      names = previous;
    }
    return names.flatMap(name => [
      new KubernetesSource(name, this.client),
      new VClusterSource(name, this.client),
      ...(this.options.policyReports
        ? [new PolicySource(name, this.client)]
        : []),
      ...(this.options.engineOf?.(name) === 'flux'
        ? [new FluxSource(name, this.client)]
        : []),
    ]);
  }

  private readable(cluster: KubernetesBackendCluster): boolean {
    const provider = cluster.authProvider;
    if (!provider || !USER_TOKEN_AUTH_PROVIDERS.has(provider)) return true;
    if (!this.warned.has(cluster.name)) {
      this.warned.add(cluster.name);
      this.logger.warn(
        `Tenancy: cluster ${cluster.name} is not aggregated: its authProvider ${provider} authenticates with the signed-in user's token, which a scheduled refresh does not have. Its namespaces show no quota or limit ranges; give the Kubernetes backend a service credential for it (serviceAccount, aws, azure, googleServiceAccount) to aggregate it.`,
      );
    }
    return false;
  }
}
