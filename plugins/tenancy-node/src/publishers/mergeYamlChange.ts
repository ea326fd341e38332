import {
  changeProjectDestination,
  readProjectDestinations,
  serializeManifests,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { parseAllDocuments } from 'yaml';

/**
 * The outcome of a three-way merge of one file: the merged text (undefined:
 * the file is deleted), or a conflict naming the file, the YAML path and why.
 *
 * @public
 */
export type YamlMergeResult =
  | { merged: true; text: string | undefined }
  | { merged: false; file: string; at: string; reason: string };

class Conflict extends Error {
  constructor(readonly at: string, readonly reason: string) {
    super(`${at}: ${reason}`);
  }
}

type Value = unknown;
type Mapping = Record<string, Value>;

/**
 * Merges a request's change to one file onto the current base branch, as a
 * reviewer would resolve it: `base` is the file where the request branched
 * off (undefined when absent), `request` the request's version, `current`
 * the base branch's version now. When only one side changed the file, that
 * side wins (a file the request deleted stays deleted). Otherwise both are
 * parsed as YAML (several documents matched by apiVersion, kind, name and
 * namespace) and merged: mappings key by key; a scalar changed differently
 * on both sides is a conflict; lists changed on both sides merge as sets
 * (the base's items without the request's removals, plus the request's
 * additions after their predecessor in the request's list). A tenant's
 * AppProject gets its destinations sorted again, as the renderers write them.
 *
 * @public
 */
export function mergeYamlChange(options: {
  /** Repository path of the file, named in conflicts. */
  file: string;
  base: string | undefined;
  request: string | undefined;
  current: string | undefined;
}): YamlMergeResult {
  const { file, base, request, current } = options;
  if (request === base || request === current) {
    return { merged: true, text: current };
  }
  if (current === base) return { merged: true, text: request };
  const conflict = (at: string, reason: string): YamlMergeResult => ({
    merged: false,
    file,
    at,
    reason,
  });
  if (request === undefined) {
    return conflict('(file)', 'deleted by the request, changed on the base');
  }
  if (current === undefined) {
    return conflict('(file)', 'changed by the request, deleted on the base');
  }
  try {
    const documents = mergeSequence(
      documentsOf(base, 'base'),
      documentsOf(request, 'request'),
      documentsOf(current, 'base branch'),
      '',
      documentKey,
      mergeDocument,
    );
    return {
      merged: true,
      text: serializeManifests(documents.map(sortTenantDestinations)),
    };
  } catch (e) {
    if (e instanceof Conflict) return conflict(e.at, e.reason);
    throw e;
  }
}

function documentsOf(text: string | undefined, side: string): Value[] {
  if (text === undefined) return [];
  return parseAllDocuments(text).flatMap(doc => {
    if (doc.errors.length) {
      throw new Conflict('(file)', `not valid YAML on the ${side}`);
    }
    const value = doc.toJS({ maxAliasCount: 50 });
    return value === null || value === undefined ? [] : [value];
  });
}

/** A document's identity: apiVersion, kind, namespace and name. */
function documentKey(doc: Value): string {
  if (!isMapping(doc)) return `value:${canonical(doc)}`;
  const metadata = isMapping(doc.metadata) ? doc.metadata : {};
  return [doc.apiVersion, doc.kind, metadata.namespace, metadata.name]
    .map(v => String(v ?? ''))
    .join('/');
}

/** Names a document in conflicts by kind and name; '' without a kind. */
function describeDocument(doc: Value): string {
  if (!isMapping(doc) || doc.kind === undefined) return '';
  const metadata = isMapping(doc.metadata) ? doc.metadata : {};
  return `${doc.kind} ${metadata.name ?? ''}`.trim();
}

function mergeDocument(
  base: Value,
  request: Value,
  current: Value,
  at: string,
) {
  try {
    return mergeValue(base, request, current, '');
  } catch (e) {
    if (e instanceof Conflict && at) {
      throw new Conflict(`${at}: ${e.at}`, e.reason);
    }
    throw e;
  }
}

function mergeValue(base: Value, request: Value, current: Value, at: string) {
  if (equal(request, base) || equal(request, current)) return current;
  if (equal(current, base)) return request;
  if (
    isMapping(request) &&
    isMapping(current) &&
    (base === undefined || isMapping(base))
  ) {
    return mergeMapping(base ?? {}, request, current, at);
  }
  if (
    Array.isArray(request) &&
    Array.isArray(current) &&
    (base === undefined || Array.isArray(base))
  ) {
    return mergeSequence(
      base ?? [],
      request,
      current,
      at,
      canonical,
      (_b, r) => r,
    );
  }
  throw new Conflict(
    at || '(document)',
    `changed on both sides: ${canonical(request)} in the request, ${canonical(
      current,
    )} on the base branch`,
  );
}

function mergeMapping(
  base: Mapping,
  request: Mapping,
  current: Mapping,
  at: string,
): Mapping {
  const merged: Mapping = {};
  const keys = [...Object.keys(current)];
  for (const key of Object.keys(request)) {
    if (!keys.includes(key)) keys.push(key);
  }
  for (const key of keys) {
    const value = mergeValue(
      base[key],
      request[key],
      current[key],
      at ? `${at}.${key}` : key,
    );
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}

/**
 * Lists merged as sets of items, matched by `key`: the current items without
 * those the request removed, plus the request's additions, each after its
 * predecessor in the request's list (and after items the base branch added
 * there). Items both sides kept are merged with `mergeItem`.
 */
function mergeSequence(
  base: Value[],
  request: Value[],
  current: Value[],
  at: string,
  key: (item: Value) => string,
  mergeItem: (b: Value, r: Value, c: Value, at: string) => Value,
): Value[] {
  const byKey = (items: Value[]) => new Map(items.map(i => [key(i), i]));
  const inBase = byKey(base);
  const inRequest = byKey(request);
  const inCurrent = byKey(current);
  const label = (item: Value) =>
    at ? `${at}[${canonical(item)}]` : describeDocument(item);

  const merged: Array<{ key: string; value: Value }> = [];
  for (const item of current) {
    const k = key(item);
    if (inBase.has(k) && !inRequest.has(k)) {
      if (!equal(inBase.get(k), item)) {
        throw new Conflict(
          label(item) || '(document)',
          'removed by the request, changed on the base branch',
        );
      }
      continue;
    }
    const value = inRequest.has(k)
      ? mergeItem(inBase.get(k), inRequest.get(k), item, label(item))
      : item;
    merged.push({ key: k, value });
  }
  let previous: string | undefined;
  for (const item of request) {
    const k = key(item);
    if (!inBase.has(k) && !inCurrent.has(k)) {
      const after = previous;
      let index = after ? merged.findIndex(m => m.key === after) + 1 : 0;
      while (
        index > 0 &&
        index < merged.length &&
        !inBase.has(merged[index].key) &&
        !inRequest.has(merged[index].key)
      ) {
        index++;
      }
      merged.splice(index, 0, { key: k, value: item });
    } else if (inBase.has(k) && !inCurrent.has(k)) {
      if (!equal(inBase.get(k), item)) {
        throw new Conflict(
          label(item) || '(document)',
          'changed by the request, removed on the base branch',
        );
      }
      continue;
    }
    previous = k;
  }
  return merged.map(m => m.value);
}

/** A tenant's AppProject lists its destinations sorted by cluster, then namespace. */
function sortTenantDestinations(doc: Value): Value {
  if (
    !isMapping(doc) ||
    doc.kind !== 'AppProject' ||
    !isMapping(doc.metadata) ||
    !isMapping(doc.metadata.labels) ||
    doc.metadata.labels['tenancy.io/tenant'] === undefined ||
    !isMapping(doc.spec) ||
    readProjectDestinations(doc).problems.length
  ) {
    return doc;
  }
  return changeProjectDestination(doc, {});
}

function isMapping(value: Value): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function equal(a: Value, b: Value) {
  return canonical(a) === canonical(b);
}

/** JSON with sorted keys: equal for deeply equal values. */
function canonical(value: Value): string {
  if (value === undefined) return 'undefined';
  return JSON.stringify(value, (_k, v) =>
    isMapping(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map(k => [k, v[k]]),
        )
      : v,
  );
}
