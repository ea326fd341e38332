/**
 * Answers shared between callers who may see everything, for up to `maxAgeMs` (the readers' sync interval by default)
 * and only while the data and catalog snapshots they were built from are
 * current; repeated requests then cost a lookup, and their JSON is written
 * once (see {@link toJson}).
 */
export class SharedAnswers {
  private readonly entries = new Map<
    string,
    { at: number; sources: object[]; value: object }
  >();

  constructor(
    private readonly maxAgeMs = 2000,
    private readonly maxEntries = 10_000,
  ) {}

  async get<T extends object>(
    key: string,
    sources: object[],
    compute: () => Promise<T>,
  ): Promise<T> {
    const entry = this.entries.get(key);
    if (
      entry &&
      Date.now() - entry.at < this.maxAgeMs &&
      entry.sources.every((s, i) => s === sources[i])
    ) {
      return entry.value as T;
    }
    const value = await compute();
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { at: Date.now(), sources, value });
    return value;
  }
}

const json = new WeakMap<object, string>();

/** JSON of an answer, written once per answer object. */
export function toJson(value: object): string {
  let text = json.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    json.set(value, text);
  }
  return text;
}
