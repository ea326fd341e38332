import { Knex } from 'knex';

const table = 'tenancy_notification_state';

/** Rows per statement: well under SQLite's limit of bound variables. */
const BATCH = 100;

function batches<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) {
    out.push(items.slice(i, i + BATCH));
  }
  return out;
}

/** Whether a subject is over its line, and how often it crossed it. */
interface Crossing {
  over: boolean;
  crossings: number;
}

/**
 * What the state notifications remember between refreshes, in the plugin's
 * database so that whichever replica runs the next refresh goes on from it.
 * Subjects are `<prefix>:<what>`, e.g. `degraded:argocd/payments-api`.
 */
export class NotificationState {
  constructor(private readonly db: Knex) {}

  private async load<T>(prefix: string): Promise<Map<string, T>> {
    const rows: Array<{ subject: string; value: string }> = await this.db(table)
      .where('subject', 'like', `${prefix}:%`)
      .select('subject', 'value');
    return new Map(rows.map(r => [r.subject, JSON.parse(r.value) as T]));
  }

  /**
   * Records which subjects are over their line now, and returns, for each
   * subject over it, the number of its current crossing (1, 2, ...): the
   * same at every call until it went back under and over again. Subjects
   * not given keep what they had, so one missing from a refresh does not
   * cross again.
   */
  async crossings(
    prefix: string,
    over: Map<string, boolean>,
  ): Promise<Map<string, number>> {
    const before = await this.load<Crossing>(prefix);
    const crossed = new Map<string, number>();
    const changed: Array<{ subject: string; value: string }> = [];
    for (const [what, isOver] of over) {
      const subject = `${prefix}:${what}`;
      const was = before.get(subject) ?? { over: false, crossings: 0 };
      const now: Crossing =
        was.over === isOver
          ? was
          : { over: isOver, crossings: was.crossings + (isOver ? 1 : 0) };
      if (isOver) crossed.set(what, now.crossings);
      if (now !== was) changed.push({ subject, value: JSON.stringify(now) });
    }
    for (const rows of batches(changed)) {
      await this.db(table)
        .insert(rows.map(r => ({ ...r, updated_at: this.db.fn.now() })))
        .onConflict('subject')
        .merge();
    }
    return crossed;
  }

  /**
   * Since when each of `current` has been in a condition (such as degraded):
   * `at` for one first seen now (the first writer wins), what was recorded
   * for the others. Subjects no longer in the condition are forgotten.
   */
  async since(
    prefix: string,
    current: Set<string>,
    at: Date,
  ): Promise<Map<string, Date>> {
    const before = await this.load<string>(prefix);
    const fresh = [...current].filter(w => !before.has(`${prefix}:${w}`));
    for (const rows of batches(fresh)) {
      await this.db(table)
        .insert(
          rows.map(w => ({
            subject: `${prefix}:${w}`,
            value: JSON.stringify(at.toISOString()),
          })),
        )
        .onConflict('subject')
        .ignore();
    }
    const gone = [...before.keys()].filter(
      s => !current.has(s.slice(prefix.length + 1)),
    );
    for (const subjects of batches(gone)) {
      await this.db(table).whereIn('subject', subjects).delete();
    }
    const after = fresh.length ? await this.load<string>(prefix) : before;
    return new Map(
      [...current].map(w => [
        w,
        new Date(after.get(`${prefix}:${w}`) ?? at.toISOString()),
      ]),
    );
  }
}
