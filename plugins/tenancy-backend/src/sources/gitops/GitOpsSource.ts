import {
  GitOpsLayout,
  LimitRangeSummary,
  NAMESPACE_BUNDLE_FILES,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import type { GitOpsPublisher } from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { parseAllDocuments } from 'yaml';
import { GitOpsNamespaceRecord, GitOpsSnapshot, Source } from '../types';

/** Folders read at the same time (four files each): few, as a local repository takes a process a file. */
const CONCURRENCY = 2;

type Manifest = {
  kind?: unknown;
  metadata?: {
    name?: string;
    labels?: Record<string, unknown>;
    annotations?: Record<string, unknown>;
  };
  spec?: { type?: unknown; hard?: Record<string, unknown>; limits?: unknown };
};

/**
 * The first object of `kind` in a file's documents. Not `readNamespaceSettings`
 * of tenancy-common: it keeps only labels outside the platform's domains and
 * only the Container limits, where drift compares them all, and it does not
 * refuse a file that does not parse.
 */
function firstOfKind(
  path: string,
  text: string | undefined,
  kind: string,
): Manifest | undefined {
  if (text === undefined) return undefined;
  const documents = parseAllDocuments(text);
  for (const document of documents) {
    const [error] = document.errors;
    if (error) {
      throw new Error(
        `${path} on the default branch does not parse: ${error.message}`,
      );
    }
    const object = document.toJS({ maxAliasCount: 100 });
    if (object?.kind === kind) return object;
  }
  return undefined;
}

const strings = (o: Record<string, unknown> | undefined) =>
  Object.fromEntries(Object.entries(o ?? {}).map(([k, v]) => [k, String(v)]));

/**
 * What the GitOps repository's default branch says each namespace folder
 * (`<tenantsPath>/<tenant>/<environment>/<name>/`) should be on its
 * cluster: the cluster and namespace of its `catalog-info.yaml`, and the
 * Namespace labels, ResourceQuota `spec.hard` and LimitRange `spec.limits`
 * of its `namespace.yaml`, `resourcequota.yaml` and `limitrange.yaml`, read
 * through the configured publisher (`tenancy.gitops.publisher`).
 *
 * Each fetch asks the branch's commit first (`baseRevision`, one call).
 * When it is the commit of the last snapshot this instance read, that
 * snapshot is the answer; otherwise one listing of the tenants folder and
 * the four files of each folder, all at that commit, so the snapshot is one
 * commit's. The memory is this instance's: a new one (another replica, a
 * restart) reads once.
 */
export class GitOpsSource implements Source<'gitops'> {
  readonly kind = 'gitops' as const;
  readonly id: string;
  /** The last snapshot this instance read, and the commit it read it at. */
  private last?: { revision: string; snapshot: GitOpsSnapshot };

  constructor(
    readonly name: string,
    /**
     * Opens the publisher, as `createPublisher` does (its failure is this
     * fetch's; the next fetch asks again).
     */
    private readonly publisher: () => Promise<GitOpsPublisher>,
    private readonly layout: GitOpsLayout,
  ) {
    this.id = `gitops:${name}`;
  }

  async fetch(): Promise<GitOpsSnapshot> {
    const publisher = await this.publisher();
    const revision = await publisher.baseRevision();
    if (this.last?.revision === revision) return this.last.snapshot;
    const snapshot = await this.read(publisher, revision);
    this.last = { revision, snapshot };
    return snapshot;
  }

  private async read(
    publisher: GitOpsPublisher,
    revision: string,
  ): Promise<GitOpsSnapshot> {
    const { layout } = this;
    const at = { ref: revision };
    const paths = new Set(await publisher.listFiles(layout.tenantsPath, at));
    const folders = [...paths].flatMap(path => {
      const place = layout.classify(path);
      return place?.type === 'workload' ? [{ ...place, path }] : [];
    });
    const read = async (path: string) =>
      paths.has(path) ? publisher.readFile(path, at) : undefined;

    const namespaces: GitOpsNamespaceRecord[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < folders.length) {
          const folder = folders[next++];
          const dir = folder.path.slice(0, -'/catalog-info.yaml'.length);
          const [entity, namespace, quota, limits] = await Promise.all([
            read(folder.path),
            read(`${dir}/${NAMESPACE_BUNDLE_FILES.namespace}`),
            read(`${dir}/${NAMESPACE_BUNDLE_FILES.quota}`),
            read(`${dir}/${NAMESPACE_BUNDLE_FILES.limits}`),
          ]);
          const record = toRecord(folder, dir, {
            entity,
            namespace,
            quota,
            limits,
          });
          if (record) namespaces.push(record);
        }
      }),
    );
    namespaces.sort((a, b) => a.path.localeCompare(b.path));
    return { name: this.name, namespaces };
  }
}

function toRecord(
  folder: { tenant: string; environment: string; name: string; path: string },
  dir: string,
  files: {
    entity?: string;
    namespace?: string;
    quota?: string;
    limits?: string;
  },
): GitOpsNamespaceRecord | undefined {
  const entity = firstOfKind(folder.path, files.entity, 'Resource');
  const annotations = entity?.metadata?.annotations ?? {};
  const cluster = annotations['backstage.io/kubernetes-cluster'];
  // A folder without a cluster is the catalog's error, not a namespace here.
  if (typeof cluster !== 'string') return undefined;

  const file = (name: string) => `${dir}/${name}`;
  const namespaceObject = firstOfKind(
    file(NAMESPACE_BUNDLE_FILES.namespace),
    files.namespace,
    'Namespace',
  );
  const quotaObject = firstOfKind(
    file(NAMESPACE_BUNDLE_FILES.quota),
    files.quota,
    'ResourceQuota',
  );
  const limitsObject = firstOfKind(
    file(NAMESPACE_BUNDLE_FILES.limits),
    files.limits,
    'LimitRange',
  );
  const namespace =
    annotations['backstage.io/kubernetes-namespace'] ??
    namespaceObject?.metadata?.name ??
    folder.name;
  return {
    cluster,
    namespace: String(namespace),
    tenant: folder.tenant,
    environment: folder.environment,
    type:
      entity?.spec?.type === 'vcluster' ? 'vcluster' : 'kubernetes-namespace',
    path: dir,
    labels: namespaceObject && strings(namespaceObject.metadata?.labels),
    quotas: quotaObject
      ? [
          {
            name: String(quotaObject.metadata?.name ?? ''),
            hard: strings(quotaObject.spec?.hard),
          },
        ]
      : [],
    limitRanges: limitsObject
      ? [
          {
            name: String(limitsObject.metadata?.name ?? ''),
            limits: (Array.isArray(limitsObject.spec?.limits)
              ? limitsObject.spec!.limits
              : []
            ).map(limitItem),
          },
        ]
      : [],
  };
}

/** A LimitRange item as written: its type and every level's quantities as strings. */
function limitItem(item: unknown): LimitRangeSummary['limits'][number] {
  const raw = (item ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = { type: String(raw.type ?? '') };
  for (const [key, value] of Object.entries(raw)) {
    if (key !== 'type' && value && typeof value === 'object') {
      out[key] = strings(value as Record<string, unknown>);
    }
  }
  return out as LimitRangeSummary['limits'][number];
}
