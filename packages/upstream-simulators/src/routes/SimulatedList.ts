import { PolicyReportFaults, SimulatorControls } from '../SimulatorControls';
import {
  SimulatedCluster,
  SimulatedNamespace,
  SimulatedWorld,
} from '../world/SimulatedWorld';

/** What a list is served from: the world, the cluster and the controls. */
export interface ListContext {
  world: SimulatedWorld;
  cluster: SimulatedCluster;
  controls: SimulatorControls;
  /** State a server keeps between calls, by key (e.g. what a list first held). */
  seen?: Map<string, Set<string>>;
}

/** The items a list holds for one namespace of a cluster. */
export type ItemsOf = (
  context: ListContext,
  ns: SimulatedNamespace,
) => unknown[];

/** A list a simulated API server serves. */
export interface SimulatedList {
  /** `api/v1` or `apis/<group>/<version>`. */
  group: string;
  resource: string;
  kind: string;
  items: ItemsOf;
  /** Items of the cluster that belong to no namespace, listed after the others. */
  ofCluster?: (context: ListContext) => unknown[];
  /** Cluster-scoped: no `namespaces/<ns>/` form. */
  clusterScoped?: boolean;
  /** False where its CRD is not installed: the list answers 404. */
  served?: (context: ListContext) => boolean;
  /** True where the reader may not list it: the list answers 403. */
  forbidden?: (context: ListContext) => boolean;
  /** Rewrites a list's items before paging. */
  finish?: (context: ListContext, items: unknown[]) => unknown[];
}

/** The policy report faults the controls give a list's cluster. */
export const policyFaultsOf = (context: ListContext): PolicyReportFaults =>
  context.controls.policyReports[context.cluster.name] ?? {};
