export type {
  RequestState,
  TenantRequest,
  TenantRequestsResponse,
} from '../schema/openapi/generated';
