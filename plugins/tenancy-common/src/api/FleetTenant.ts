export type {
  CostCenterCost,
  FleetResponse,
  FleetTenant,
  FleetVCluster,
} from '../schema/openapi/generated';
