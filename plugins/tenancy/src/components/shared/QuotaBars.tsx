import Typography from '@material-ui/core/Typography';
import { QuotaResourceUsage } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { QuotaBar } from './QuotaBar';
import { QuotaThresholds } from './quotaLevel';
import {
  compareQuotaResources,
  MAIN_QUOTA_RESOURCES,
} from './quotaResourceLabel';

/**
 * Quota bars for a list of resources; `mainOnly` keeps CPU, memory, storage
 * and pods (the compact view of a namespace row).
 */
export function QuotaBars(props: {
  resources: QuotaResourceUsage[];
  thresholds: QuotaThresholds;
  mainOnly?: boolean;
}) {
  const { resources, thresholds, mainOnly } = props;
  const shown = resources
    .filter(r => !mainOnly || MAIN_QUOTA_RESOURCES.includes(r.resource))
    .sort((a, b) => compareQuotaResources(a.resource, b.resource));
  if (shown.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No ResourceQuota in this namespace.
      </Typography>
    );
  }
  return (
    <>
      {shown.map(usage => (
        <QuotaBar key={usage.resource} usage={usage} thresholds={thresholds} />
      ))}
    </>
  );
}
