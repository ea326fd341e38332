import { KubernetesSnapshot, Source } from '../types';
import { KubernetesBackendClient } from './KubernetesBackendClient';
import { listAll } from './listAll';
import {
  limitRangeListSchema,
  namespaceListSchema,
  resourceQuotaListSchema,
} from './kubernetesSchemas';

/**
 * One cluster's namespaces (with their labels), ResourceQuotas (spec and
 * status) and LimitRanges, each listed once for all namespaces (in pages of
 * 500) through the Kubernetes backend's proxy, as the JSON the API server
 * sent.
 */
export class KubernetesSource implements Source<'kubernetes'> {
  readonly kind = 'kubernetes' as const;
  readonly id: string;

  constructor(
    readonly name: string,
    private readonly kubernetes: KubernetesBackendClient,
  ) {
    this.id = `kubernetes:${name}`;
  }

  async fetch(): Promise<KubernetesSnapshot> {
    const { kubernetes, name: cluster } = this;
    const [namespaces, quotas, limitRanges] = await Promise.all([
      listAll(
        kubernetes,
        cluster,
        '/api/v1/namespaces',
        namespaceListSchema,
        'NamespaceList',
      ),
      listAll(
        kubernetes,
        cluster,
        '/api/v1/resourcequotas',
        resourceQuotaListSchema,
        'ResourceQuotaList',
      ),
      listAll(
        kubernetes,
        cluster,
        '/api/v1/limitranges',
        limitRangeListSchema,
        'LimitRangeList',
      ),
    ]);
    const snapshot: KubernetesSnapshot = { cluster: this.name, namespaces: {} };
    const ns = (name: string) =>
      (snapshot.namespaces[name] ??= { quotas: [], limitRanges: [] });

    for (const item of namespaces) {
      const record = ns(item.metadata.name);
      record.phase = item.status?.phase;
      record.labels = item.metadata.labels ?? {};
    }
    for (const item of quotas) {
      ns(item.metadata.namespace).quotas.push({
        name: item.metadata.name,
        hard: item.status?.hard ?? {},
        used: item.status?.used ?? {},
        spec: item.spec?.hard ?? {},
      });
    }
    for (const item of limitRanges) {
      ns(item.metadata.namespace).limitRanges.push({
        name: item.metadata.name,
        limits: item.spec.limits,
      });
    }
    return snapshot;
  }
}
