import { costWindowValues } from '../schema/openapi/generated';

export type {
  ApplicationCounts,
  ArgoApplicationSummary,
  CostBreakdown,
  CostSummary,
  CostWindow,
  DriftFinding,
  DriftKind,
  EntitySummary,
  LimitRangeSummary,
  NamespaceSummary,
  ObservedNamespace,
  PolicyFinding,
  PolicyObjectRef,
  PolicyResult,
  PolicyResultCounts,
  PolicySummary,
  QuotaResourceUsage,
  QuotaSummary,
  ReconcilerCounts,
  ReconcilerSummary,
  VClusterState,
} from '../schema/openapi/generated';

/**
 * Cost windows the API accepts, in the order of the document's enum.
 *
 * @public
 */
export const COST_WINDOWS = costWindowValues;
