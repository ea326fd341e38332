/**
 * A failure a simulated upstream can be told to show:
 * - `timeout`: accepts the request and never answers;
 * - `http500`: answers 500 with the upstream's error body;
 * - `garbage`: answers 200 with a body that is not the upstream's shape;
 * - `unauthorized`: answers 401 as if the credentials were wrong;
 * - `disconnect`: closes the connection without an answer.
 */
export type SimulatedFault =
  | 'timeout'
  | 'http500'
  | 'garbage'
  | 'unauthorized'
  | 'disconnect';

/** The faults a simulator can show, as a list for validation. */
export const SIMULATED_FAULTS: SimulatedFault[] = [
  'timeout',
  'http500',
  'garbage',
  'unauthorized',
  'disconnect',
];

/**
 * The API groups of policy results a simulated cluster can serve: the two
 * report groups and Gatekeeper's constraints.
 */
export type PolicyReportGroup =
  | 'wgpolicyk8s.io'
  | 'openreports.io'
  | 'constraints.gatekeeper.sh';

/** The policy result API groups, as a list for validation. */
export const POLICY_REPORT_GROUPS: PolicyReportGroup[] = [
  'wgpolicyk8s.io',
  'openreports.io',
  'constraints.gatekeeper.sh',
];

/** What is wrong with a cluster's policy reports. */
export interface PolicyReportFaults {
  /** Groups whose CRDs are not installed: their lists answer 404 with a Status. */
  absent?: PolicyReportGroup[];
  /**
   * Groups whose lists carry a first item that breaks its schema: a report
   * whose `results` is not an array, a constraint whose `status.violations`
   * is not an array.
   */
  malformed?: PolicyReportGroup[];
}

/** The Flux API groups a simulated Flux cluster serves lists of. */
export type FluxGroup =
  | 'kustomize.toolkit.fluxcd.io'
  | 'helm.toolkit.fluxcd.io';

/** The Flux API groups, as a list for validation. */
export const FLUX_GROUPS: FluxGroup[] = [
  'kustomize.toolkit.fluxcd.io',
  'helm.toolkit.fluxcd.io',
];

/** What is wrong with a Flux cluster's Flux lists. */
export interface FluxFaults {
  /** Groups whose CRDs are not installed: their lists answer 404 with a Status. */
  absent?: FluxGroup[];
  /** Groups whose lists answer 403 with a Status, as without RBAC on them. */
  forbidden?: FluxGroup[];
  /** Groups whose lists carry a first item whose `status.conditions` is an object, not a list. */
  malformed?: FluxGroup[];
}

/**
 * How a cluster differs from the GitOps repository, as if changed by hand
 * with kubectl. Namespaces are named as in the cluster.
 */
export interface SimulatedDrift {
  /**
   * Namespaces created by hand, with no folder in Git, labelled for
   * `tenant` (and `environment`); `like` names a namespace of the cluster
   * whose other labels, ResourceQuotas and LimitRanges they copy.
   */
  orphans?: Array<{
    namespace: string;
    tenant: string;
    environment?: string;
    like?: string;
  }>;
  /** Namespaces of Git deleted from the cluster. */
  missing?: string[];
  /** Namespace labels edited: namespace, label, value (null removes it). */
  labels?: Record<string, Record<string, string | null>>;
  /** ResourceQuotas edited (`spec.hard` and `status.hard`): namespace, quota name, resource, quantity (null removes it). */
  quotas?: Record<string, Record<string, Record<string, string | null>>>;
  /** LimitRanges edited: namespace, LimitRange name, its new `spec.limits`. */
  limitRanges?: Record<string, Record<string, Array<Record<string, unknown>>>>;
}

/** How a vCluster's control plane differs from a ready one of its Application's chart version. */
export interface SimulatedVClusterState {
  /** Put to sleep as `vcluster pause` does: the `loft.sh/paused-replicas` annotation, scaled to 0. */
  sleeping?: boolean;
  /** Its control plane's Pod is not ready (`status.readyReplicas` 0). */
  notReady?: boolean;
  /** The chart version deployed (the `chart` label), instead of the Application's. */
  chartVersion?: string;
}

/**
 * How the simulators behave; changed at run time through
 * `PUT /__simulator/controls` or directly in tests.
 */
export interface SimulatorControls {
  /** Added to every upstream call. */
  latencyMs: number;
  /** Share (0..1) of calls answered with a 500 at random. */
  errorRate: number;
  /** Faults by target: `kubernetes:<cluster>`, `argocd:<instance>`, `cost:<instance>`. */
  faults: Record<string, SimulatedFault>;
  /** Policy report faults by cluster. */
  policyReports: Record<string, PolicyReportFaults>;
  /** Faults of the Flux lists by (Flux) cluster. */
  flux: Record<string, FluxFaults>;
  /**
   * Results per tenant namespace in the namespaced report lists, spread over
   * its Pods and pod controllers (for benchmarks); 0: one per baseline
   * policy and object.
   */
  policyResultsPerNamespace: number;
  /** Drift from the GitOps repository, by cluster. */
  drift: Record<string, SimulatedDrift>;
  /**
   * Quota use by cluster and namespace: the share (0 or more) of every
   * resource of the namespace's ResourceQuotas in use (`status.used`),
   * instead of the one derived from its name.
   */
  quotaUse: Record<string, Record<string, number>>;
  /** vCluster control planes by cluster and host namespace. */
  vclusters: Record<string, Record<string, SimulatedVClusterState>>;
}

/** Credentials the simulated upstreams accept. */
export interface SimulatorCredentials {
  kubernetesToken: string;
  argocdToken: string;
  argocdUsername: string;
  argocdPassword: string;
}
