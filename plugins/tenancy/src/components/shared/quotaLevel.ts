// The thresholds and levels are tenancy-common's, shared with the backend's
// quota notifications.
export {
  DEFAULT_QUOTA_THRESHOLDS,
  quotaLevel,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
export type { QuotaThresholds } from '@tenancy-plugins/backstage-plugin-tenancy-common';
