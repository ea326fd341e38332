import { z as zod } from 'zod/v3';

type Z = typeof zod;

/**
 * Input fields of where a new namespace or vCluster goes: its tenant,
 * environment and cluster (the vCluster's host cluster).
 */
export const placementInput = {
  tenant: (z: Z) =>
    z
      .string()
      .min(1)
      .describe(
        'The tenant: a Tenant entity reference or name, e.g. "tenant:default/payments" or "payments". For a vCluster its isolation must be "vclusters" or "both".',
      ),
  environment: (z: Z) =>
    z
      .string()
      .min(1)
      .describe("The environment; one of the tenant's environments."),
  cluster: (z: Z) =>
    z
      .string()
      .min(1)
      .describe(
        'The cluster (for a vCluster, its host cluster), by name or as a Resource entity reference; must be allowed for the environment.',
      ),
};

/** Input field of the existing namespace an update or decommission is for. */
export const existingNamespaceInput = {
  namespace: (z: Z) =>
    z
      .string()
      .min(1)
      .describe(
        'The namespace entity: a reference or name, e.g. "resource:default/payments-api-dev".',
      ),
};

/** Input fields of the quota and limits of a namespace, shared by create and update. */
export const namespaceSettingsInput = {
  size: (z: Z) =>
    z
      .string()
      .optional()
      .describe(
        'A quota size from tenancy.policy.quotaSizes, e.g. "S", "M" or "L".',
      ),
  quota: (z: Z) =>
    z
      .record(z.string())
      .optional()
      .describe(
        "ResourceQuota hard limits, resource name to quantity; overrides the size's values.",
      ),
  limits: (z: Z) =>
    z
      .object({
        defaultRequest: z.record(z.string()).optional(),
        default: z.record(z.string()).optional(),
        max: z.record(z.string()).optional(),
      })
      .optional()
      .describe(
        'Container LimitRange: defaultRequest, default and max, each with cpu and memory.',
      ),
  labels: (z: Z) =>
    z.record(z.string()).optional().describe('Extra labels on the Namespace.'),
};
