import { SnapshotStore } from './SnapshotStore';
import { FleetData, SourceDescriptor } from './FleetData';
import { kubernetesDescriptors } from './kubernetesDescriptors';
import { SourceData, SourceIndex } from './SourceRecord';

/**
 * Keeps this replica's in-memory copy of the shared cache: checks the small
 * index at most every `syncIntervalMs` and reloads only the sources whose
 * data changed, so requests are served from memory. The configured sources
 * are `descriptors`; the Kubernetes clusters are those of the index.
 */
export class SnapshotReader {
  private data = new Map<string, SourceData>();
  private loadedAt = new Map<string, string | undefined>();
  private view?: FleetData;
  private refreshedAt?: string;
  private syncedAt = 0;
  private syncing?: Promise<FleetData>;

  constructor(
    private readonly store: SnapshotStore,
    private readonly descriptors: SourceDescriptor[],
    private readonly options: {
      frequencyMs: number;
      currency: string;
      syncIntervalMs?: number;
    },
  ) {}

  async current(): Promise<FleetData> {
    const interval = this.options.syncIntervalMs ?? 2000;
    if (this.view && Date.now() - this.syncedAt < interval) return this.view;
    this.syncing ??= this.sync().finally(() => {
      this.syncing = undefined;
    });
    return this.syncing;
  }

  /**
   * The view of what the last refresh stored, whatever the interval: for
   * work that follows a refresh on this replica (its notifications).
   */
  async latest(): Promise<FleetData> {
    await this.syncing?.catch(() => undefined);
    this.syncedAt = 0;
    return this.current();
  }

  private async sync(): Promise<FleetData> {
    const index: SourceIndex | undefined = await this.store.readIndex();
    const descriptors = [...kubernetesDescriptors(index), ...this.descriptors];
    await Promise.all(
      descriptors.map(async d => {
        const success = index?.sources[d.id]?.lastSuccessAt;
        if (success === undefined || this.loadedAt.get(d.id) === success)
          return;
        const value = await this.store.readData(d.id);
        if (value) this.data.set(d.id, value);
        this.loadedAt.set(d.id, success);
      }),
    );
    // Every refresh writes a new index; states and data change only then.
    if (!this.view || index?.refreshedAt !== this.refreshedAt) {
      this.view = new FleetData(
        descriptors,
        index,
        this.data,
        this.options.frequencyMs,
        this.options.currency,
      );
      this.refreshedAt = index?.refreshedAt;
    }
    this.syncedAt = Date.now();
    return this.view;
  }
}
