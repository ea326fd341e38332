import { CacheService } from '@backstage/backend-plugin-api';
import { SourceData, SourceIndex } from './SourceRecord';

// v2: namespaces with labels, quotas with spec.hard, policy and gitops sources.
const INDEX_KEY = 'v2:sources';
const dataKey = (id: string) => `v2:source:${id}`;

/** Kept for a week, so the last good data outlives long upstream outages. */
const TTL = { days: 7 };

/**
 * Source data and states in the backend's shared cache (Redis in
 * production), so every replica serves what one replica refreshed.
 */
export class SnapshotStore {
  constructor(private readonly cache: CacheService) {}

  async readIndex(): Promise<SourceIndex | undefined> {
    return (await this.cache.get(INDEX_KEY)) as SourceIndex | undefined;
  }

  async readData(id: string): Promise<SourceData | undefined> {
    return (await this.cache.get(dataKey(id))) as SourceData | undefined;
  }

  /** Writes new data first and the index last, so readers never see an index ahead of its data. */
  async write(
    index: SourceIndex,
    data: Map<string, SourceData>,
  ): Promise<void> {
    await Promise.all(
      [...data].map(([id, value]) =>
        this.cache.set(dataKey(id), value as any, { ttl: TTL }),
      ),
    );
    await this.cache.set(INDEX_KEY, index as any, { ttl: TTL });
  }
}
