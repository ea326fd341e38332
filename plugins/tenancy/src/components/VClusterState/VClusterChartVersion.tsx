import { StatusWarning } from '@backstage/core-components';
import { VClusterState } from '@tenancy-plugins/backstage-plugin-tenancy-common';

/** The chart version deployed, marked when it is behind the platform's pinned one. */
export function VClusterChartVersion(props: { state: VClusterState }) {
  const { chartVersion, pinnedChartVersion, behind } = props.state;
  if (!chartVersion) return <>—</>;
  if (!behind) return <>{chartVersion}</>;
  return (
    <StatusWarning>
      {chartVersion}, behind {pinnedChartVersion}
    </StatusWarning>
  );
}
