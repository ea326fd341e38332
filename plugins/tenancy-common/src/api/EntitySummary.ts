import { costWindowValues } from '../schema/openapi/generated';

export type {
  ApplicationCounts,
  ArgoApplicationSummary,
  CostBreakdown,
  CostSummary,
  CostWindow,
  EntitySummary,
  LimitRangeSummary,
  NamespaceSummary,
  QuotaResourceUsage,
  QuotaSummary,
} from '../schema/openapi/generated';

/**
 * Cost windows the API accepts, in the order of the document's enum.
 *
 * @public
 */
export const COST_WINDOWS = costWindowValues;
