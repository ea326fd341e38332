import { z } from 'zod';

// These schemas describe the JSON the API server sends (as the contract
// examples in `contracts/kubernetes/examples/` show it), not the models of
// `@kubernetes/client-node`, which rename `default` to `_default` and
// `continue` to `_continue`: `KubernetesSource` hands them the raw body.

const quantities = z.record(z.string(), z.string());

const metadata = z.object({
  name: z.string(),
  namespace: z.string().optional(),
});

const list = <T extends z.ZodTypeAny>(item: T) =>
  z.object({
    metadata: z.object({ continue: z.string().optional() }).optional(),
    items: z.array(item),
  });

/** The fields of a NamespaceList this backend reads. */
export const namespaceListSchema = list(
  z.object({
    metadata,
    status: z.object({ phase: z.string().optional() }).optional(),
  }),
);

/** The fields of a ResourceQuotaList this backend reads. */
export const resourceQuotaListSchema = list(
  z.object({
    metadata: metadata.extend({ namespace: z.string() }),
    status: z
      .object({ hard: quantities.optional(), used: quantities.optional() })
      .optional(),
  }),
);

/** The fields of a LimitRangeList this backend reads. */
export const limitRangeListSchema = list(
  z.object({
    metadata: metadata.extend({ namespace: z.string() }),
    spec: z.object({
      limits: z.array(
        z.object({
          type: z.string(),
          default: quantities.optional(),
          defaultRequest: quantities.optional(),
          min: quantities.optional(),
          max: quantities.optional(),
        }),
      ),
    }),
  }),
);
