export type {
  NamespaceCheckRequest,
  NamespaceCheckResponse,
  ProvisioningPolicyResponse,
} from '../schema/openapi/generated';
