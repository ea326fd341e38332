export type {
  BudgetLine,
  NamespaceCheckRequest,
  NamespaceCheckResponse,
  ProvisioningPolicyResponse,
} from '../schema/openapi/generated';
