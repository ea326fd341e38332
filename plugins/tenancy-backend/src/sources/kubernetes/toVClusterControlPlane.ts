import { z } from 'zod';
import { statefulSetListSchema } from './kubernetesSchemas';
import { VClusterControlPlaneRecord } from './VClusterSnapshot';

type StatefulSet = z.infer<typeof statefulSetListSchema>['items'][number];

/** The annotations `vcluster pause` (alias `sleep`) sets before it scales the control plane to 0. */
const SLEEP_ANNOTATIONS = ['loft.sh/paused', 'loft.sh/paused-replicas'];

/** The images of the distros whose tag is the Kubernetes version (`ghcr.io/loft-sh/kubernetes:v1.36.0`, `rancher/k3s:v1.31.1-k3s1`). */
const DISTRO_IMAGE = /\/(kubernetes|k3s|k0s):v?(\d+\.\d+\.\d+)/;

/** `vcluster-0.36.1` (the chart label, `<chart name>-<chart version>`) to `0.36.1`. */
const CHART_LABEL = /^[a-z0-9-]+?-(\d+\.\d+\.\d+[^\s]*)$/;

/**
 * A vCluster control plane from its StatefulSet, as the vcluster chart
 * labels it (`app: vcluster`, `chart`, `release`) and `vcluster pause`
 * annotates it.
 */
export function toVClusterControlPlane(
  item: StatefulSet,
): VClusterControlPlaneRecord {
  const { metadata, spec, status } = item;
  const labels = metadata.labels ?? {};
  const annotations = metadata.annotations ?? {};
  const pod = spec.template?.spec;
  const images = [...(pod?.initContainers ?? []), ...(pod?.containers ?? [])]
    .map(c => c.image ?? '')
    .map(image => DISTRO_IMAGE.exec(image)?.[2])
    .filter((v): v is string => !!v);
  return {
    namespace: metadata.namespace,
    release: labels.release ?? metadata.name,
    replicas: spec.replicas ?? 1,
    readyReplicas: status?.readyReplicas ?? 0,
    sleeping: SLEEP_ANNOTATIONS.some(a => a in annotations),
    chartVersion: CHART_LABEL.exec(labels.chart ?? '')?.[1],
    kubernetesVersion: images[0] && `v${images[0]}`,
  };
}
