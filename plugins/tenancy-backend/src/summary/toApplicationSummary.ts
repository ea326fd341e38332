import type { ArgoApplicationSummary } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import type { ArgoApplicationRecord } from '../sources/types';

/** What the API shows of an application: its record without the placement data. */
export function toApplicationSummary(
  app: ArgoApplicationRecord,
): ArgoApplicationSummary {
  const { labels, cluster, destinationNamespace, ...summary } = app;
  return summary;
}
