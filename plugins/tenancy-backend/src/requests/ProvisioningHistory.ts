import { createHash } from 'node:crypto';
import { PublishedRequest } from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { Knex } from 'knex';
import { TenancyCatalogSnapshot } from '../catalog/TenancyCatalogIndex';
import { FleetData } from '../snapshots/FleetData';
import { describeRequestBranch, RequestKind } from './describeRequestBranch';
import { observeReadiness, Readiness } from './observeReadiness';
import { tenantNamed } from './tenantNamed';

const REQUESTS = 'tenancy_provisioning_requests';
const EVENTS = 'tenancy_provisioning_events';
const STATE = 'tenancy_provisioning_state';

/** One provisioning request as the history keeps it. */
export interface ProvisioningRequestRecord {
  /** `<number>:<branch>`. */
  id: string;
  number: number;
  branch: string;
  title: string;
  url: string;
  /** Tenant name (the entity `tenant:default/<tenant>` or another namespace's). */
  tenant: string;
  subject: string;
  kind: RequestKind;
  state: PublishedRequest['state'];
  fingerprint?: string;
  requestedBy?: string;
  /** The namespace or vCluster entity, once the catalog has it. */
  partRef?: string;
  environment?: string;
  cluster?: string;
  namespace?: string;
  openedAt?: string;
  updatedAt?: string;
}

/** What happened to a request. */
export type ProvisioningEventType =
  | 'opened'
  | 'updated'
  | 'merged'
  | 'closed'
  | 'refused'
  | 'active'
  | 'synced'
  | 'healthy'
  | 'ready';

/** One event of a request, recorded once. */
export interface ProvisioningEvent {
  requestId: string;
  /** The type, with what tells repeats apart: `updated:<fingerprint>`, `refused:<hash>`. */
  key: string;
  type: ProvisioningEventType;
  at: string;
  /** Why a request was refused or failed: `conflict`, `closed-without-merge`. */
  reason?: string;
  detail?: string;
}

/** A new event of the history, with its request: to be announced. */
export interface RecordedEvent extends ProvisioningEvent {
  request: ProvisioningRequestRecord;
}

type Row = Record<string, any>;

/** Columns by field: a camelCase field is its snake_case column. */
const column = (field: string) =>
  field.replace(/[A-Z]/g, c => `_${c.toLocaleLowerCase('en-US')}`);
const field = (name: string) =>
  name.replace(/_([a-z])/g, (_, c: string) => c.toLocaleUpperCase('en-US'));

/** A row as its record: snake_case columns to fields, null to absent. */
function fromRow<T>(row: Row): T {
  return Object.fromEntries(
    Object.entries(row)
      .filter(([, value]) => value !== null)
      .map(([name, value]) => [field(name), value]),
  ) as T;
}

/** A record as its row: fields to snake_case columns, absent to null. */
function toRow(record: object, fields: string[]): Row {
  const values = record as Record<string, unknown>;
  return Object.fromEntries(fields.map(f => [column(f), values[f] ?? null]));
}

const REQUEST_FIELDS = [
  'id',
  'number',
  'branch',
  'title',
  'url',
  'tenant',
  'subject',
  'kind',
  'state',
  'fingerprint',
  'requestedBy',
  'partRef',
  'environment',
  'cluster',
  'namespace',
  'openedAt',
  'updatedAt',
];
const EVENT_FIELDS = ['requestId', 'key', 'type', 'at', 'reason', 'detail'];

const toRecord = (row: Row): ProvisioningRequestRecord => ({
  ...fromRow<ProvisioningRequestRecord>(row),
  number: Number(row.number),
});

const hash = (text: string) =>
  createHash('sha256').update(text).digest('hex').slice(0, 16);

/**
 * The provisioning history in the plugin's database: every `tenancy/`
 * request the requests task lists, and its events (opened, updated, merged,
 * closed, refused, then active, synced, healthy and ready from the source
 * snapshots), each recorded once, so a second run (or another replica's)
 * writes nothing new. History from before the watch started (the plugin's
 * first start) is recorded without being announced, and a request merged
 * before it is not watched for readiness (its time of readiness is not
 * known).
 */
export class ProvisioningHistory {
  /**
   * `db` is the plugin's database client, migrated (`migrateDatabase`). The
   * first start starts the watch, so a request opened before the requests
   * task first runs is announced too.
   */
  static async create(db: Knex, now = new Date()) {
    const history = new ProvisioningHistory(db);
    await history.since(now);
    return history;
  }

  private constructor(private readonly db: Knex) {}

  /** Since when the history watches (its first run); undefined before it. */
  async watchingSince(): Promise<string | undefined> {
    const row = await this.db(STATE).where({ key: 'since' }).first();
    return row?.value;
  }

  /** Since when the history watches: `now` the first time. */
  private async since(now: Date): Promise<string> {
    await this.db(STATE)
      .insert({ key: 'since', value: now.toISOString() })
      .onConflict('key')
      .ignore();
    return (await this.watchingSince())!;
  }

  /**
   * Records what the listed requests (every state), the requests the task
   * could not bring up to date because they need a person (`refused`, by
   * branch: the reason) and the snapshots say, and answers the new events
   * that happened since the history watches, oldest first.
   */
  async record(options: {
    listed: PublishedRequest[];
    refused: Map<string, string>;
    catalog: TenancyCatalogSnapshot;
    fleet?: FleetData;
    now?: Date;
  }): Promise<RecordedEvent[]> {
    const { listed, refused, catalog, fleet } = options;
    const now = options.now ?? new Date();
    const since = await this.since(now);
    const ids = listed.map(r => `${r.number}:${r.branch}`);
    const [rows, eventRows] = await Promise.all([
      this.db(REQUESTS).whereIn('id', ids),
      this.db(EVENTS)
        .whereIn('request_id', ids)
        .select('request_id', 'key', 'at'),
    ]);
    const previous = new Map(rows.map((r: Row) => [r.id, toRecord(r)]));
    const known = new Map<string, string>(
      eventRows.map((e: Row) => [`${e.request_id} ${e.key}`, e.at]),
    );

    const records: ProvisioningRequestRecord[] = [];
    const added: RecordedEvent[] = [];
    const fresh: RecordedEvent[] = [];
    for (const request of listed) {
      const branch = describeRequestBranch(request.branch);
      if (!branch) continue;
      const id = `${request.number}:${request.branch}`;
      const before = previous.get(id);
      const tenant = tenantNamed(catalog, branch.tenant);
      const part =
        tenant && branch.namespace
          ? catalog
              .partsOf(stringifyEntityRef(tenant))
              .find(p => p.namespace === branch.namespace)
          : undefined;
      const record: ProvisioningRequestRecord = {
        id,
        number: request.number,
        branch: request.branch,
        title: request.title,
        url: request.url,
        tenant: branch.tenant,
        subject: branch.subject,
        kind: branch.kind,
        state: request.state,
        fingerprint: request.fingerprint,
        requestedBy: request.requestedBy,
        partRef: part?.ref ?? before?.partRef,
        environment: part?.environment ?? before?.environment,
        cluster: part?.cluster ?? before?.cluster,
        namespace: part?.namespace ?? before?.namespace ?? branch.namespace,
        openedAt: request.createdAt ?? before?.openedAt ?? now.toISOString(),
        updatedAt: request.updatedAt,
      };
      records.push(record);

      const at = request.updatedAt ?? now.toISOString();
      const candidates: Omit<ProvisioningEvent, 'requestId'>[] = [
        { key: 'opened', type: 'opened', at: record.openedAt! },
      ];
      if (
        request.state === 'open' &&
        before?.fingerprint &&
        request.fingerprint &&
        before.fingerprint !== request.fingerprint
      ) {
        candidates.push({
          key: `updated:${request.fingerprint}`,
          type: 'updated',
          at,
        });
      }
      const reason = refused.get(request.branch);
      if (request.state === 'open' && reason) {
        candidates.push({
          key: `refused:${hash(reason)}`,
          type: 'refused',
          at: now.toISOString(),
          reason: 'conflict',
          detail: reason,
        });
      }
      if (request.state === 'closed') {
        candidates.push({
          key: 'closed',
          type: 'closed',
          at,
          reason: 'closed-without-merge',
        });
      }
      if (request.state === 'merged') {
        const mergedAt = known.get(`${id} merged`) ?? at;
        candidates.push({ key: 'merged', type: 'merged', at: mergedAt });
        if (
          fleet &&
          record.kind === 'create' &&
          record.cluster &&
          record.namespace &&
          mergedAt > since &&
          !known.has(`${id} ready`)
        ) {
          const readiness = observeReadiness(
            fleet,
            {
              cluster: record.cluster,
              namespace: record.namespace,
              tenant: record.tenant,
              environment: record.environment,
            },
            now,
          );
          // A state seen before keeps its first time; ready is the last of
          // the states it needs, observed after the merge.
          const first = (type: 'active' | 'synced' | 'healthy') => {
            const time = known.get(`${id} ${type}`) ?? readiness[type];
            return time && time < mergedAt ? mergedAt : time;
          };
          for (const type of ['active', 'synced', 'healthy'] as const) {
            const time = first(type);
            if (time) candidates.push({ key: type, type, at: time });
          }
          if (readiness.ready) {
            const times = readiness.synced
              ? [first('active'), first('synced'), first('healthy')]
              : [first('active')];
            candidates.push({
              key: 'ready',
              type: 'ready',
              at: times.reduce((a, b) => (b! > a! ? b : a))!,
              detail: readinessDetail(readiness),
            });
          }
        }
      }
      for (const event of candidates) {
        if (known.has(`${id} ${event.key}`)) continue;
        known.set(`${id} ${event.key}`, event.at);
        const recorded = { ...event, requestId: id, request: record };
        added.push(recorded);
        if (event.at > since) fresh.push(recorded);
      }
    }
    // The requests first: an event refers to its request.
    for (let i = 0; i < records.length; i += 50) {
      await this.db(REQUESTS)
        .insert(records.slice(i, i + 50).map(r => toRow(r, REQUEST_FIELDS)))
        .onConflict('id')
        .merge();
    }
    for (let i = 0; i < added.length; i += 50) {
      await this.db(EVENTS)
        .insert(added.slice(i, i + 50).map(e => toRow(e, EVENT_FIELDS)))
        .onConflict(['request_id', 'key'])
        .ignore();
    }
    return fresh.sort((a, b) => a.at.localeCompare(b.at));
  }

  /**
   * The requests opened since `openedSince` or still open, with their
   * events, for the provisioning metrics.
   */
  async read(openedSince: string): Promise<{
    requests: ProvisioningRequestRecord[];
    events: ProvisioningEvent[];
  }> {
    const rows = await this.db(REQUESTS)
      .where('opened_at', '>=', openedSince)
      .orWhere('state', 'open');
    const ids = rows.map((r: Row) => r.id as string);
    const events: Row[] = [];
    // Chunks stay below the bound-parameter limits of every database.
    for (let i = 0; i < ids.length; i += 500) {
      events.push(
        ...(await this.db(EVENTS).whereIn('request_id', ids.slice(i, i + 500))),
      );
    }
    return {
      requests: rows.map(toRecord),
      events: events.map(e => fromRow<ProvisioningEvent>(e)),
    };
  }

  /** How many requests are open, by the last run. */
  async openCount(): Promise<number> {
    const [row] = await this.db(REQUESTS)
      .where('state', 'open')
      .count({ count: '*' });
    return Number(row?.count ?? 0);
  }
}

/** How a ready namespace was seen ready, beyond Active. */
function readinessDetail(readiness: Readiness): string | undefined {
  if (!readiness.synced) return undefined;
  return readiness.engine === 'flux'
    ? 'applied and Ready in Flux'
    : 'synced and healthy in Argo CD';
}
