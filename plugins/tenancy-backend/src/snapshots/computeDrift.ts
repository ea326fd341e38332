import {
  DriftFinding,
  LimitRangeSummary,
  parseQuantity,
  TENANCY_ANNOTATIONS,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import {
  GitOpsNamespaceRecord,
  GitOpsSnapshot,
  KubernetesSnapshot,
} from '../sources/types';

/** Label prefixes the platform's bundles set: a live one Git lacks is drift. */
const PLATFORM_LABEL_PREFIXES = ['tenancy.io/', 'pod-security.kubernetes.io/'];

/** The LimitRange levels the API server keeps, compared under these keys as written. */
const LIMIT_LEVELS = ['default', 'defaultRequest', 'min', 'max'] as const;

/** Drift of the fleet: by `cluster/namespace`, and the orphans. */
export interface FleetDrift {
  /** Findings of each folder whose cluster has data; empty when it agrees. */
  namespaces: Map<string, DriftFinding[]>;
  /** Namespaces with a `tenancy.io/tenant` label that no folder describes. */
  orphans: DriftFinding[];
  /** `cluster/namespace` of every folder of the repository. */
  described: Set<string>;
}

const key = (cluster: string, namespace: string) => `${cluster}/${namespace}`;

/** Whether two quantities are the same value (`1000m` and `1`), else the same text. */
function sameQuantity(a: string, b: string): boolean {
  const x = parseQuantity(a);
  const y = parseQuantity(b);
  if (!x || !y) return a === b;
  return Math.abs(x.value - y.value) <= 1e-9 * Math.max(Math.abs(x.value), 1);
}

/** Differences of two quantity maps, as `[name, git, live]`, by key. */
function quantityDiffs(
  git: Record<string, string> = {},
  live: Record<string, string> = {},
): Array<[string, string | undefined, string | undefined]> {
  const names = [
    ...new Set([...Object.keys(git), ...Object.keys(live)]),
  ].sort();
  return names
    .filter(
      n =>
        git[n] === undefined ||
        live[n] === undefined ||
        !sameQuantity(git[n], live[n]),
    )
    .map(n => [n, git[n], live[n]]);
}

/** The objects of both sides by name, in a stable order. */
function byName<T extends { name: string }>(git: T[], live: T[]) {
  const names = [
    ...new Set([...git.map(o => o.name), ...live.map(o => o.name)]),
  ].sort();
  return names.map(
    name =>
      [
        name,
        git.find(o => o.name === name),
        live.find(o => o.name === name),
      ] as const,
  );
}

function compare(
  folder: GitOpsNamespaceRecord,
  live: KubernetesSnapshot['namespaces'][string] | undefined,
): DriftFinding[] {
  const { cluster, namespace, tenant, path } = folder;
  const base = { cluster, namespace, tenant, path };
  if (!live?.labels) {
    return [
      {
        ...base,
        kind: 'missing',
        message: `Namespace ${namespace} is in the GitOps repository (${path}) but not on cluster ${cluster}: not yet applied, or deleted by hand`,
      },
    ];
  }
  const findings: DriftFinding[] = [];
  const differs = (
    kind: DriftFinding['kind'],
    field: string,
    git: string | undefined,
    value: string | undefined,
  ) =>
    findings.push({
      ...base,
      kind,
      field,
      git,
      live: value,
      message: `${field} is ${
        git === undefined ? 'not set' : `"${git}"`
      } in Git and ${
        value === undefined ? 'not set' : `"${value}"`
      } on cluster ${cluster}`,
    });

  if (folder.labels) {
    const keys = new Set([
      ...Object.keys(folder.labels),
      ...Object.keys(live.labels).filter(k =>
        PLATFORM_LABEL_PREFIXES.some(p => k.startsWith(p)),
      ),
    ]);
    for (const k of [...keys].sort()) {
      if (folder.labels[k] !== live.labels[k]) {
        differs(
          'labels',
          `metadata.labels.${k}`,
          folder.labels[k],
          live.labels[k],
        );
      }
    }
  }
  if (folder.quotas.length) {
    const liveQuotas = live.quotas.map(q => ({ name: q.name, hard: q.spec }));
    for (const [name, git, value] of byName(folder.quotas, liveQuotas)) {
      for (const [resource, g, l] of quantityDiffs(git?.hard, value?.hard)) {
        differs('quota', `ResourceQuota/${name} spec.hard.${resource}`, g, l);
      }
    }
  }
  if (folder.limitRanges.length) {
    for (const [name, git, value] of byName(
      folder.limitRanges,
      live.limitRanges,
    )) {
      for (const [type, g, l] of limitsByType(git, value)) {
        for (const level of LIMIT_LEVELS) {
          for (const [resource, gv, lv] of quantityDiffs(
            g?.[level],
            l?.[level],
          )) {
            differs(
              'limitRange',
              `LimitRange/${name} spec.limits[${type}].${level}.${resource}`,
              gv,
              lv,
            );
          }
        }
      }
    }
  }
  return findings;
}

type LimitItem = LimitRangeSummary['limits'][number];

function limitsByType(git?: LimitRangeSummary, live?: LimitRangeSummary) {
  const types = [
    ...new Set([
      ...(git?.limits ?? []).map(l => l.type),
      ...(live?.limits ?? []).map(l => l.type),
    ]),
  ];
  return types.map(
    type =>
      [
        type,
        git?.limits.find(l => l.type === type),
        live?.limits.find(l => l.type === type),
      ] as [string, LimitItem | undefined, LimitItem | undefined],
  );
}

/**
 * Compares what the GitOps repository's default branch says with what each
 * cluster has, from data the sources already hold: per folder whose cluster
 * answered, `missing` when the cluster lacks the namespace, else each
 * label, ResourceQuota `spec.hard` and LimitRange value that differs
 * (quantities by value, LimitRange keys as written); and per cluster the
 * namespaces labelled with a tenant that no folder describes (`orphan`).
 * Folders on clusters without data are left out: their drift is unknown.
 */
export function computeDrift(
  gitops: GitOpsSnapshot,
  clusters: KubernetesSnapshot[],
): FleetDrift {
  const byCluster = new Map(clusters.map(c => [c.cluster, c]));
  const drift: FleetDrift = {
    namespaces: new Map(),
    orphans: [],
    described: new Set(gitops.namespaces.map(f => key(f.cluster, f.namespace))),
  };
  for (const folder of gitops.namespaces) {
    const cluster = byCluster.get(folder.cluster);
    if (!cluster) continue;
    drift.namespaces.set(
      key(folder.cluster, folder.namespace),
      compare(folder, cluster.namespaces[folder.namespace]),
    );
  }
  for (const cluster of clusters) {
    for (const [namespace, record] of Object.entries(cluster.namespaces)) {
      const tenant = record.labels?.[TENANCY_ANNOTATIONS.tenant];
      if (!tenant || drift.described.has(key(cluster.cluster, namespace))) {
        continue;
      }
      drift.orphans.push({
        kind: 'orphan',
        cluster: cluster.cluster,
        namespace,
        tenant,
        message: `Namespace ${namespace} on cluster ${cluster.cluster} carries ${TENANCY_ANNOTATIONS.tenant}=${tenant}, but no folder of the GitOps repository describes it: adopt it through a pull request, or remove it`,
      });
    }
  }
  drift.orphans.sort((a, b) =>
    key(a.cluster, a.namespace).localeCompare(key(b.cluster, b.namespace)),
  );
  return drift;
}
