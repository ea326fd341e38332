import { z } from 'zod';

// These schemas describe the JSON the API server sends through the
// Kubernetes backend's proxy, as the contract examples in
// `contracts/kubernetes/examples/` show it.

const quantities = z.record(z.string(), z.string());

const metadata = z.object({
  name: z.string(),
  namespace: z.string().optional(),
});

const list = <T extends z.ZodType>(item: T) =>
  z.object({
    metadata: z.object({ continue: z.string().optional() }).optional(),
    items: z.array(item),
  });

/** The fields of a NamespaceList this backend reads. */
export const namespaceListSchema = list(
  z.object({
    metadata: metadata.extend({
      labels: z.record(z.string(), z.string()).optional(),
    }),
    status: z.object({ phase: z.string().optional() }).optional(),
  }),
);

/** The fields of a ResourceQuotaList this backend reads. */
export const resourceQuotaListSchema = list(
  z.object({
    metadata: metadata.extend({ namespace: z.string() }),
    spec: z.object({ hard: quantities.optional() }).optional(),
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

const container = z.object({ name: z.string(), image: z.string().optional() });

/**
 * The fields of a StatefulSetList this backend reads: of the vCluster
 * control planes (`app: vcluster`), the chart's labels (`chart`,
 * `release`), the sleep annotations, the replicas asked for and ready, and
 * the images (the Kubernetes distro's carries its version).
 */
export const statefulSetListSchema = list(
  z.object({
    metadata: metadata.extend({
      namespace: z.string(),
      labels: z.record(z.string(), z.string()).optional(),
      annotations: z.record(z.string(), z.string()).optional(),
    }),
    spec: z.object({
      replicas: z.number().int().nonnegative().optional(),
      template: z
        .object({
          spec: z
            .object({
              containers: z.array(container).optional(),
              initContainers: z.array(container).optional(),
            })
            .optional(),
        })
        .optional(),
    }),
    status: z
      .object({
        replicas: z.number().int().optional(),
        readyReplicas: z.number().int().optional(),
      })
      .optional(),
  }),
);

/** The fields of the Kubernetes backend's `GET /clusters` this backend reads. */
export const clusterListSchema = z.object({
  items: z.array(
    z.object({ name: z.string(), authProvider: z.string().optional() }),
  ),
});

/**
 * A Flux list (KustomizationList, HelmReleaseList) page: its items are
 * checked one by one (`fluxObjectSchema`), so a malformed object is named.
 */
export const fluxListSchema = list(
  z
    .object({
      metadata: z
        .object({
          name: z.string().optional(),
          namespace: z.string().optional(),
        })
        .passthrough(),
    })
    .passthrough(),
);

// A condition as the Flux CRDs define it (`metav1.Condition`: type,
// status, reason, message and lastTransitionTime required).
const condition = z.object({
  type: z.string(),
  status: z.enum(['True', 'False', 'Unknown']),
  reason: z.string(),
  message: z.string(),
  lastTransitionTime: z.string(),
  observedGeneration: z.number().int().optional(),
});

const fluxMetadata = metadata.extend({
  namespace: z.string(),
  generation: z.number().int().optional(),
  labels: z.record(z.string(), z.string()).optional(),
});

/**
 * The fields of a Flux Kustomization (`kustomize.toolkit.fluxcd.io/v1`,
 * `contracts/flux/crds/`) this backend reads.
 */
export const fluxKustomizationSchema = z.object({
  metadata: fluxMetadata,
  spec: z.object({
    targetNamespace: z.string().optional(),
    suspend: z.boolean().optional(),
  }),
  status: z
    .object({
      conditions: z.array(condition).optional(),
      lastAppliedRevision: z.string().optional(),
      lastAttemptedRevision: z.string().optional(),
    })
    .optional(),
});

/**
 * The fields of a Flux HelmRelease (`helm.toolkit.fluxcd.io/v2`,
 * `contracts/flux/crds/`) this backend reads. v2 has no
 * `status.lastAppliedRevision`: the release deployed is `status.history[0]`
 * (the latest first), the chart version last tried `lastAttemptedRevision`.
 */
export const fluxHelmReleaseSchema = z.object({
  metadata: fluxMetadata,
  spec: z.object({
    targetNamespace: z.string().optional(),
    suspend: z.boolean().optional(),
  }),
  status: z
    .object({
      conditions: z.array(condition).optional(),
      history: z
        .array(
          z.object({
            chartName: z.string(),
            chartVersion: z.string(),
            appVersion: z.string().optional(),
            status: z.string(),
          }),
        )
        .optional(),
      lastAttemptedRevision: z.string().optional(),
    })
    .optional(),
});
