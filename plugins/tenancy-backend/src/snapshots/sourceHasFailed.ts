import type { SourceStatus } from '@tenancy-plugins/backstage-plugin-tenancy-common';

/**
 * Whether a source's last refresh failed: it has an error newer than its
 * last success (or never succeeded). The one rule behind a status's `stale`
 * and the `errors` of a response.
 */
export function sourceHasFailed(
  state: Pick<SourceStatus, 'lastSuccessAt' | 'lastErrorAt'> | undefined,
): boolean {
  return (
    !!state?.lastErrorAt &&
    (!state.lastSuccessAt || state.lastErrorAt > state.lastSuccessAt)
  );
}
