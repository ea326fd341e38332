import { IMAGE_REGISTRY_PREFIX_PATTERN } from './imageRegistryPrefix';

/**
 * JSON schema of the Tenant kind: the single definition of what a valid Tenant is.
 *
 * Follows the shape of the Backstage catalog-model kind schemas (`$ref: Entity`).
 *
 * @public
 */
export const tenantEntityV1alpha1Schema = {
  $schema: 'http://json-schema.org/draft-07/schema',
  $id: 'TenantV1alpha1',
  description:
    'A Tenant is a team that runs workloads on the shared platform: its owning group, cost center, identity group, environments and isolation mode.',
  examples: [
    {
      apiVersion: 'tenancy.io/v1alpha1',
      kind: 'Tenant',
      metadata: { name: 'payments', title: 'Payments' },
      spec: {
        owner: 'group:default/team-payments',
        costCenter: 'CC-1001',
        ssoGroup: 'payments-developers',
        environments: ['dev', 'staging', 'prod'],
        isolation: 'namespaces',
        tier: 'medium',
      },
    },
  ],
  allOf: [
    { $ref: 'Entity' },
    {
      type: 'object',
      required: ['spec'],
      properties: {
        apiVersion: { enum: ['tenancy.io/v1alpha1'] },
        kind: { enum: ['Tenant'] },
        spec: {
          type: 'object',
          required: ['owner', 'costCenter'],
          additionalProperties: false,
          properties: {
            owner: {
              type: 'string',
              minLength: 1,
              description: 'Entity reference of the owning Group.',
            },
            costCenter: {
              type: 'string',
              minLength: 1,
              description:
                'Cost center the tenant is charged to, e.g. CC-1234.',
            },
            ssoGroup: {
              type: 'string',
              minLength: 1,
              description:
                'Group of the identity provider bound in the RoleBindings of the tenant namespaces.',
            },
            environments: {
              type: 'array',
              uniqueItems: true,
              minItems: 1,
              description: 'Environments the tenant may use.',
              items: {
                type: 'string',
                pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
                maxLength: 63,
              },
            },
            isolation: {
              enum: ['namespaces', 'vclusters', 'both'],
              description:
                'Whether the tenant gets namespaces, vClusters, or both.',
            },
            tier: {
              type: 'string',
              minLength: 1,
              description:
                'Size or tier of the tenant, e.g. small, medium, large.',
            },
            allowedRegistries: {
              type: 'array',
              uniqueItems: true,
              description:
                'Image reference prefixes this tenant may pull from besides the platform default (tenancy.policy.guardrails.allowedRegistries), e.g. ghcr.io/acme-payments/. Each is a registry host (optional port) and zero or more path segments, ending with a slash.',
              items: {
                type: 'string',
                maxLength: 255,
                pattern: IMAGE_REGISTRY_PREFIX_PATTERN,
              },
            },
            quotaBudget: {
              type: 'object',
              description:
                'Optional tenant-wide ceiling: Kubernetes resource name to quantity, summed over all namespaces.',
              additionalProperties: { type: 'string', minLength: 1 },
            },
          },
        },
      },
    },
  ],
} as const;
