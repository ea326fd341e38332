import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { CallPolicy } from '../upstream/callWithRetries';

/** How and how often the sources are refreshed. */
export interface RefreshOptions {
  schedule: SchedulerServiceTaskScheduleDefinition;
  frequencyMs: number;
  call: CallPolicy;
  /** Whether each cluster's policy reports are read (`policyReports`, default true). */
  policyReports: boolean;
  /** Whether the GitOps repository's default branch is read for drift (`drift`, default true). */
  drift: boolean;
}

function ms(
  duration: SchedulerServiceTaskScheduleDefinition['frequency'],
): number {
  if (typeof duration === 'object' && !('cron' in duration)) {
    return durationToMilliseconds(duration as HumanDuration);
  }
  return 5 * 60_000;
}

/**
 * Reads `tenancy.refresh`: `schedule` (default every 5 minutes, first run at
 * start-up), `callTimeout` per upstream call (default 10 s), `retries`
 * (default 2, with backoff from 250 ms), `policyReports` and `drift` (both
 * default true).
 */
export function readRefreshOptions(config: Config): RefreshOptions {
  const refresh = config.getOptionalConfig('tenancy.refresh');
  const schedule: SchedulerServiceTaskScheduleDefinition = refresh?.has(
    'schedule',
  )
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        refresh.getConfig('schedule'),
      )
    : {
        frequency: { minutes: 5 },
        timeout: { minutes: 2 },
        initialDelay: { seconds: 0 },
      };
  const timeoutMs = refresh?.has('callTimeout')
    ? durationToMilliseconds(
        readDurationFromConfig(refresh, { key: 'callTimeout' }),
      )
    : 10_000;
  return {
    schedule,
    frequencyMs: ms(schedule.frequency),
    call: {
      timeoutMs,
      retries: refresh?.getOptionalNumber('retries') ?? 2,
      backoffMs: 250,
    },
    policyReports: refresh?.getOptionalBoolean('policyReports') ?? true,
    drift: refresh?.getOptionalBoolean('drift') ?? true,
  };
}
