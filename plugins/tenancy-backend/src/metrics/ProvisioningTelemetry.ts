import {
  MetricsService,
  MetricsServiceCounter,
  MetricsServiceHistogram,
} from '@backstage/backend-plugin-api/alpha';
import { RecordedEvent } from '../requests/ProvisioningHistory';

/** Lead time buckets, in seconds: 1 minute to 1 week. */
const BUCKETS = [60, 300, 600, 1800, 3600, 14400, 86400, 259200, 604800];

const seconds = (from: string | undefined, to: string) =>
  from ? Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000) : undefined;

/**
 * The provisioning history as OpenTelemetry metrics, through Backstage's
 * metrics service (its meter is `backstage-plugin-tenancy`):
 *
 * - `backstage.plugin.tenancy.provisioning.lead_time` (histogram, seconds;
 *   `stage` merged or ready, `environment`): from opened to merged, and to
 *   ready, recorded by the replica that records the event; the environment
 *   is `unknown` while the catalog does not have the namespace (a
 *   creation's, at its merge);
 * - `backstage.plugin.tenancy.provisioning.open_requests` (gauge): open
 *   requests, read from the history when collected;
 * - `backstage.plugin.tenancy.provisioning.outcomes` (counter; `outcome`
 *   refused or failed, `reason`): requests that need a person after a
 *   conflict, requests closed without merge.
 */
export class ProvisioningTelemetry {
  private readonly leadTime: MetricsServiceHistogram;
  private readonly outcomes: MetricsServiceCounter;

  constructor(metrics: MetricsService, openCount: () => Promise<number>) {
    this.leadTime = metrics.createHistogram(
      'backstage.plugin.tenancy.provisioning.lead_time',
      {
        description:
          'Lead time of provisioning requests, from opened to merged (stage=merged) and to ready (stage=ready)',
        unit: 's',
        advice: { explicitBucketBoundaries: BUCKETS },
      },
    );
    this.outcomes = metrics.createCounter(
      'backstage.plugin.tenancy.provisioning.outcomes',
      {
        description:
          'Provisioning requests refused (they need a person) or failed (closed without merge), by reason',
      },
    );
    metrics
      .createObservableGauge(
        'backstage.plugin.tenancy.provisioning.open_requests',
        {
          description: 'Provisioning requests open on the GitOps repository',
        },
      )
      .addCallback(async result => {
        result.observe(await openCount());
      });
  }

  record(event: RecordedEvent) {
    const { request } = event;
    const environment = request.environment ?? 'unknown';
    if (event.type === 'merged' || event.type === 'ready') {
      const value = seconds(request.openedAt, event.at);
      if (value !== undefined) {
        this.leadTime.record(value, { stage: event.type, environment });
      }
    } else if (event.type === 'refused' || event.type === 'closed') {
      this.outcomes.add(1, {
        outcome: event.type === 'refused' ? 'refused' : 'failed',
        reason: event.reason,
      });
    }
  }
}
