/** A vCluster's control plane as its host cluster's StatefulSet shows it. */
export interface VClusterControlPlaneRecord {
  /** The host namespace. */
  namespace: string;
  /** The Helm release (the StatefulSet's name and `release` label). */
  release: string;
  /** `spec.replicas`: 0 while asleep. */
  replicas: number;
  /** `status.readyReplicas`. */
  readyReplicas: number;
  /** Put to sleep (`vcluster pause`): a `loft.sh/paused` or `loft.sh/paused-replicas` annotation. */
  sleeping: boolean;
  /** The chart version of the `chart` label (`vcluster-0.36.1`). */
  chartVersion?: string;
  /** The tag of the Kubernetes distro's image (`ghcr.io/loft-sh/kubernetes:v1.36.0`). */
  kubernetesVersion?: string;
}

/** What a vCluster source returns: one cluster's vCluster control planes by host namespace. */
export interface VClusterSnapshot {
  cluster: string;
  namespaces: Record<string, VClusterControlPlaneRecord[]>;
}
