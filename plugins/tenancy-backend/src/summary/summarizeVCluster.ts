import type { VClusterState } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { VClusterControlPlaneRecord } from '../sources/kubernetes/VClusterSnapshot';
import { ArgoApplicationRecord } from '../sources/types';
import { toApplicationSummary } from './toApplicationSummary';

/** What the platform pins for its vClusters (`tenancy.policy.vcluster`). */
export interface PinnedVCluster {
  /** `tenancy.policy.vcluster.chartVersion`. */
  chartVersion: string;
  /** `tenancy.policy.vcluster.project`: the Argo CD project of the chart's applications. */
  project: string;
}

const numbers = (version: string) =>
  version
    .split(/[-+]/)[0]
    .split('.')
    .map(n => Number(n) || 0);

/** Whether release `a` (`0.36.0`) comes before release `b` (`0.36.1`). */
function isOlder(a: string, b: string): boolean {
  const [x, y] = [numbers(a), numbers(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0);
  }
  return false;
}

/**
 * A vCluster's state from its control plane (null: its cluster has none for
 * it) and the applications deploying into its host namespace, of which the
 * chart's is the one in the platform's vCluster project.
 */
export function summarizeVCluster(
  plane: VClusterControlPlaneRecord | null,
  applications: ArgoApplicationRecord[],
  pinned: PinnedVCluster,
): VClusterState {
  const chart = applications.find(a => a.project === pinned.project);
  const common = {
    pinnedChartVersion: pinned.chartVersion,
    ...(chart && { application: toApplicationSummary(chart) }),
  };
  if (!plane) {
    return {
      status: 'notFound',
      replicas: 0,
      readyReplicas: 0,
      sleeping: false,
      behind: false,
      ...common,
    };
  }
  const { replicas, readyReplicas, sleeping, chartVersion } = plane;
  let status: VClusterState['status'] = 'notReady';
  if (sleeping) status = 'sleeping';
  else if (replicas > 0 && readyReplicas >= replicas) status = 'ready';
  return {
    status,
    replicas,
    readyReplicas,
    sleeping,
    behind: !!chartVersion && isOlder(chartVersion, pinned.chartVersion),
    ...(chartVersion && { chartVersion }),
    ...(plane.kubernetesVersion && {
      kubernetesVersion: plane.kubernetesVersion,
    }),
    ...common,
  };
}
