import { SimulatedDrift } from '../SimulatorControls';
import {
  SimulatedCluster,
  SimulatedNamespace,
  SimulatedWorld,
} from './SimulatedWorld';

/** `values` with `edits` applied: a null removes the key. */
function edited(
  values: Record<string, string>,
  edits: Record<string, string | null> | undefined,
): Record<string, string> {
  if (!edits) return values;
  const out = { ...values };
  for (const [key, value] of Object.entries(edits)) {
    if (value === null) delete out[key];
    else out[key] = value;
  }
  return out;
}

function editedNamespace(
  ns: SimulatedNamespace,
  drift: SimulatedDrift,
): SimulatedNamespace {
  const labels = drift.labels?.[ns.name];
  const quotas = drift.quotas?.[ns.name];
  const ranges = drift.limitRanges?.[ns.name];
  if (!labels && !quotas && !ranges) return ns;
  return {
    ...ns,
    labels: edited(ns.labels, labels),
    quotas: ns.quotas.map(q => ({
      ...q,
      hard: edited(q.hard, quotas?.[q.name]),
    })),
    limitRanges: ns.limitRanges.map(r => ({
      ...r,
      limits: ranges?.[r.name] ?? r.limits,
    })),
  };
}

function driftedCluster(
  cluster: SimulatedCluster,
  drift: SimulatedDrift,
): SimulatedCluster {
  const missing = new Set(drift.missing ?? []);
  const namespaces = cluster.namespaces
    .filter(ns => !missing.has(ns.name))
    .map(ns => editedNamespace(ns, drift));
  for (const orphan of drift.orphans ?? []) {
    if (namespaces.some(ns => ns.name === orphan.namespace)) continue;
    const like = namespaces.find(ns => ns.name === orphan.like);
    const allowedRegistries = namespaces.find(
      ns => ns.tenant === orphan.tenant,
    )?.allowedRegistries;
    const environment =
      orphan.environment ?? like?.labels['tenancy.io/environment'];
    namespaces.push({
      name: orphan.namespace,
      tenant: orphan.tenant,
      ...(environment ? { environment } : {}),
      phase: 'Active',
      labels: {
        ...like?.labels,
        'kubernetes.io/metadata.name': orphan.namespace,
        'tenancy.io/tenant': orphan.tenant,
        ...(environment ? { 'tenancy.io/environment': environment } : {}),
      },
      quotas: like?.quotas ?? [],
      limitRanges: like?.limitRanges ?? [],
      ...(allowedRegistries ? { allowedRegistries } : {}),
    });
  }
  return { ...cluster, namespaces };
}

/**
 * The world as the clusters have it after hands-on changes: per cluster,
 * orphan namespaces added, missing ones removed, labels, ResourceQuotas and
 * LimitRanges edited. Git (the world given) is left as it is; a world
 * without drift is returned unchanged.
 */
export function driftedWorld(
  world: SimulatedWorld,
  drift: Record<string, SimulatedDrift>,
): SimulatedWorld {
  if (!world.clusters.some(c => drift[c.name])) return world;
  return {
    ...world,
    clusters: world.clusters.map(c =>
      drift[c.name] ? driftedCluster(c, drift[c.name]) : c,
    ),
  };
}
