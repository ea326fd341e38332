import { z } from 'zod';

const source = z.object({
  repoURL: z.string().optional(),
  chart: z.string().optional(),
  path: z.string().optional(),
  targetRevision: z.string().optional(),
});

/**
 * The fields of `GET /api/v1/applications` this backend reads, requested
 * with {@link APPLICATION_FIELDS}. Single-source, multi-source and Helm-chart
 * applications all fit.
 */
export const applicationListSchema = z.object({
  items: z
    .array(
      z.object({
        metadata: z.object({
          name: z.string(),
          namespace: z.string().optional(),
          labels: z.record(z.string(), z.string()).optional(),
        }),
        spec: z.object({
          project: z.string().optional(),
          destination: z
            .object({
              server: z.string().optional(),
              name: z.string().optional(),
              namespace: z.string().optional(),
            })
            .optional(),
          source: source.optional(),
          sources: z.array(source).optional(),
        }),
        status: z
          .object({
            sync: z
              .object({
                status: z.string().optional(),
                revision: z.string().optional(),
              })
              .optional(),
            health: z
              .object({
                status: z.string().optional(),
                message: z.string().optional(),
              })
              .optional(),
            operationState: z
              .object({
                phase: z.string().optional(),
                finishedAt: z.string().optional(),
                operation: z
                  .object({
                    sync: z
                      .object({
                        revision: z.string().optional(),
                        revisions: z.array(z.string()).optional(),
                      })
                      .optional(),
                  })
                  .optional(),
              })
              .optional(),
          })
          .optional(),
      }),
    )
    .nullable()
    .transform(items => items ?? []),
});

/** The `fields` projection: only what {@link applicationListSchema} reads. */
export const APPLICATION_FIELDS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.labels',
  'spec.project',
  'spec.destination',
  'spec.source',
  'spec.sources',
  'status.sync.status',
  'status.sync.revision',
  'status.health',
  'status.operationState.phase',
  'status.operationState.finishedAt',
  'status.operationState.operation.sync',
]
  .map(f => `items.${f}`)
  .join(',');

/** The answer of `POST /api/v1/session` (swagger `sessionSessionResponse`). */
export const sessionSchema = z.object({ token: z.string().min(1) });
