export type {
  CostCenterCost,
  FleetResponse,
  FleetTenant,
} from '../schema/openapi/generated';
