import { LoggerService } from '@backstage/backend-plugin-api';
import { Source } from '../sources/types';
import { SnapshotStore } from './SnapshotStore';
import { SourceData, SourceIndex, SourceState } from './SourceRecord';

/**
 * Lists every source once, in parallel, and stores what came back. A failed
 * source keeps its last good data and records the failure; the others are
 * not held back by it. The new index has the states of these sources, and
 * those of the last index that `carry` keeps (sources refreshed by another
 * call, such as the GitOps repository's after the clusters'); any other is
 * gone (a cluster the Kubernetes backend no longer lists).
 */
export async function refreshSources(options: {
  sources: Source[];
  store: SnapshotStore;
  logger: LoggerService;
  carry?: (state: SourceState) => boolean;
  now?: () => Date;
}): Promise<SourceIndex> {
  const { sources, store, logger, carry } = options;
  const now = options.now ?? (() => new Date());
  const previous = (await store.readIndex())?.sources ?? {};
  const results = await Promise.allSettled(sources.map(s => s.fetch()));

  const data = new Map<string, SourceData>();
  const states: Record<string, SourceState> = {};
  if (carry) {
    for (const state of Object.values(previous)) {
      if (carry(state)) states[state.id] = state;
    }
  }
  results.forEach((result, i) => {
    const source = sources[i];
    const at = now().toISOString();
    const before = previous[source.id];
    const base: SourceState = {
      id: source.id,
      kind: source.kind,
      name: source.name,
      lastAttemptAt: at,
      lastSuccessAt: before?.lastSuccessAt,
      lastErrorAt: before?.lastErrorAt,
      lastError: before?.lastError,
    };
    if (result.status === 'fulfilled') {
      data.set(source.id, result.value);
      states[source.id] = { ...base, lastSuccessAt: at };
    } else {
      const message =
        (result.reason as Error)?.message ?? String(result.reason);
      logger.warn(`Tenancy source ${source.id} failed: ${message}`);
      states[source.id] = { ...base, lastErrorAt: at, lastError: message };
    }
  });

  const index: SourceIndex = {
    refreshedAt: now().toISOString(),
    sources: states,
  };
  await store.write(index, data);
  return index;
}
