import { SimulatedWorld } from '@internal/upstream-simulators';

/**
 * The simulators' `quotaUse` control: every namespace of the world at
 * `share` of its quotas, and those of `shares` at theirs.
 */
export function quotaUseOf(
  world: SimulatedWorld,
  shares: Record<string, number>,
  share = 0.5,
): Record<string, Record<string, number>> {
  return Object.fromEntries(
    world.clusters.map(cluster => [
      cluster.name,
      Object.fromEntries(
        cluster.namespaces.map(ns => [ns.name, shares[ns.name] ?? share]),
      ),
    ]),
  );
}
