import { Source } from '../types';
import { KubernetesBackendClient } from './KubernetesBackendClient';
import { listAll } from './listAll';
import { statefulSetListSchema } from './kubernetesSchemas';
import { toVClusterControlPlane } from './toVClusterControlPlane';
import { VClusterSnapshot } from './VClusterSnapshot';

/** The label the vcluster chart gives its control plane's StatefulSet. */
export const VCLUSTER_CONTROL_PLANE_SELECTOR = 'app=vcluster';

/**
 * One cluster's vCluster control planes: the StatefulSets labelled
 * `app=vcluster`, listed once for all namespaces (in pages of 500) through
 * the Kubernetes backend's proxy.
 */
export class VClusterSource implements Source<'vcluster'> {
  readonly kind = 'vcluster' as const;
  readonly id: string;

  constructor(
    readonly name: string,
    private readonly kubernetes: KubernetesBackendClient,
  ) {
    this.id = `vcluster:${name}`;
  }

  async fetch(): Promise<VClusterSnapshot> {
    const items = await listAll(
      this.kubernetes,
      this.name,
      '/apis/apps/v1/statefulsets',
      statefulSetListSchema,
      'StatefulSetList',
      VCLUSTER_CONTROL_PLANE_SELECTOR,
    );
    const snapshot: VClusterSnapshot = { cluster: this.name, namespaces: {} };
    for (const item of items) {
      const record = toVClusterControlPlane(item);
      (snapshot.namespaces[record.namespace] ??= []).push(record);
    }
    return snapshot;
  }
}
