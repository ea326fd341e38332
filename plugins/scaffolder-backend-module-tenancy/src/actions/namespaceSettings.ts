import { z as zod } from 'zod/v3';

type Z = typeof zod;

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
