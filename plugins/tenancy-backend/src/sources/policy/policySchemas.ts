import { z } from 'zod';

// The fields of policy reports and Gatekeeper constraints this backend reads,
// from the CRDs in `contracts/policy-reports/crds` (wgpolicyk8s.io/v1alpha2
// PolicyReport and ClusterPolicyReport, openreports.io/v1alpha1 Report and
// ClusterReport: the same result schema) and `contracts/gatekeeper`.

const objectReference = z.object({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  namespace: z.string().optional(),
  name: z.string().optional(),
  uid: z.string().optional(),
});

const count = z.number().int().nonnegative().optional();

/** One item of a PolicyReportList, ClusterPolicyReportList, ReportList or ClusterReportList. */
export const policyReportSchema = z.object({
  metadata: z.object({
    name: z.string(),
    namespace: z.string().optional(),
  }),
  /** The object every result is about, when the report is about one (Kyverno's). */
  scope: objectReference.optional(),
  /** OpenReports: the engine that wrote the report. */
  source: z.string().optional(),
  results: z
    .array(
      z.object({
        policy: z.string(),
        rule: z.string().optional(),
        result: z.enum(['pass', 'fail', 'warn', 'error', 'skip']).optional(),
        message: z.string().optional(),
        severity: z
          .enum(['critical', 'high', 'medium', 'low', 'info'])
          .optional(),
        category: z.string().optional(),
        source: z.string().optional(),
        timestamp: z
          .object({ seconds: z.number().int(), nanos: z.number().int() })
          .optional(),
        /** Kyverno omits these and sets the report's `scope` instead. */
        resources: z.array(objectReference).optional(),
      }),
    )
    .optional(),
  summary: z
    .object({
      pass: count,
      fail: count,
      warn: count,
      error: count,
      skip: count,
    })
    .optional(),
});

/** A policy report as this backend reads it. */
export type PolicyReport = z.infer<typeof policyReportSchema>;

const list = <T extends z.ZodType>(item: T) =>
  z.object({
    metadata: z.object({ continue: z.string().optional() }).optional(),
    items: z.array(item),
  });

/** A list of any of the four report kinds. */
export const policyReportListSchema = list(policyReportSchema);

/** Discovery of `constraints.gatekeeper.sh/v1beta1`: one resource per ConstraintTemplate. */
export const apiResourceListSchema = z.object({
  resources: z.array(z.object({ name: z.string(), kind: z.string() })),
});

/** One Gatekeeper constraint with its audit status. */
export const constraintSchema = z.object({
  kind: z.string(),
  metadata: z.object({ name: z.string() }),
  status: z
    .object({
      violations: z
        .array(
          z.object({
            enforcementAction: z.string().optional(),
            group: z.string().optional(),
            version: z.string().optional(),
            kind: z.string(),
            name: z.string(),
            namespace: z.string().optional(),
            message: z.string(),
          }),
        )
        .optional(),
    })
    .optional(),
});

/** A list of the constraints of one ConstraintTemplate. */
export const constraintListSchema = list(constraintSchema);

/** A Gatekeeper constraint as this backend reads it. */
export type Constraint = z.infer<typeof constraintSchema>;
