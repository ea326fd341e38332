import { z as zod } from 'zod/v3';

type Z = typeof zod;

/** The `tenant` input of the tenancy actions. */
export const tenantInput = (z: Z) =>
  z
    .string()
    .min(1)
    .describe(
      'The tenant: its name, e.g. "payments", or its entity reference, e.g. "tenant:default/payments".',
    );

/** The `namespace` input of the actions that change an existing namespace. */
export const existingNamespaceInput = (z: Z) =>
  z
    .string()
    .min(1)
    .describe(
      'The namespace entity: a reference or name, e.g. "resource:default/payments-api-dev".',
    );

/** The `window` input of the actions that answer cost. */
export const costWindowInput = (z: Z) =>
  z
    .enum(['1d', '7d', '30d'])
    .default('7d')
    .describe('The cost window: the last day, 7 days or 30 days.');

/** Resource name to Kubernetes quantity. */
export const quantities = (z: Z, what: string) =>
  z
    .record(z.string())
    .describe(
      `${what}: resource name to Kubernetes quantity, e.g. {"requests.cpu": "2", "limits.memory": "4Gi"}.`,
    );

/** One quota resource: used against hard. */
export const quotaUsage = (z: Z) =>
  z
    .object({
      resource: z
        .string()
        .describe('Resource name as in the ResourceQuota, e.g. requests.cpu.'),
      used: z.string().describe('Quantity in use, e.g. 1500m.'),
      hard: z.string().describe('The hard limit, e.g. 4.'),
      utilisation: z
        .number()
        .optional()
        .describe(
          'used / hard, 0..1 (above 1 over quota); absent when hard is 0.',
        ),
    })
    .describe('Usage of one quota resource.');

/** Counts of Argo CD applications by state. */
export const applicationCounts = (z: Z) =>
  z
    .object({
      total: z.number().describe('Applications in all.'),
      outOfSync: z.number().describe('Applications not in sync with Git.'),
      degraded: z.number().describe('Applications whose health is Degraded.'),
      progressing: z
        .number()
        .describe('Applications whose health is Progressing.'),
    })
    .describe('Argo CD applications by state.');

/** Counts of the reconcilers of both GitOps engines by state. */
export const reconcilerCounts = (z: Z) =>
  z
    .object({
      total: z
        .number()
        .describe('Argo CD applications and Flux objects in all.'),
      notReady: z.number().describe('Those not ready (failed included).'),
      failed: z.number().describe('Those failed.'),
    })
    .describe(
      'Argo CD applications and Flux Kustomizations and HelmReleases by state, each once.',
    );

/** One Argo CD application or Flux object deploying into a namespace. */
export const reconciler = (z: Z) =>
  z
    .object({
      engine: z.string().describe('argocd or flux.'),
      kind: z.string().describe('Application, Kustomization or HelmRelease.'),
      name: z.string().describe('Its name.'),
      namespace: z.string().optional().describe('Its namespace.'),
      state: z
        .string()
        .describe(
          'ready, progressing, outOfSync, failed, suspended or unknown.',
        ),
      revision: z.string().optional().describe('The revision applied.'),
      message: z
        .string()
        .optional()
        .describe(
          'Why it is in that state (Flux Ready message, Argo CD health message).',
        ),
    })
    .describe('A GitOps object deploying into it, of either engine.');

/** A source that failed on its last refresh. */
export const sourceErrors = (z: Z) =>
  z
    .array(
      z
        .object({
          source: z.string().describe('The source, e.g. cost:opencost-prod.'),
          message: z.string().describe('Why it failed.'),
        })
        .describe('A failed source.'),
    )
    .describe(
      'Sources that failed on their last refresh: the data they feed is missing or stale, the rest is current.',
    );

/** One validation problem. */
export const validationProblems = (z: Z) =>
  z
    .array(
      z
        .object({
          field: z
            .string()
            .describe(
              'Dotted path of the input field, e.g. name or quota.requests.cpu.',
            ),
          rule: z
            .string()
            .describe(
              'Short id of the rule broken, e.g. dns-1123, ceiling or reserved.',
            ),
          message: z.string().describe('What is wrong, for a person.'),
        })
        .describe('One reason the request would be refused.'),
    )
    .describe(
      'Every reason the request would be refused; empty when it is valid.',
    );

/**
 * The input fields a new namespace is described by, shared by the check and
 * the request: tenant, environment, name part and quota (the cluster is
 * optional in a check, required in a request).
 */
export const newNamespaceInput = (z: Z) => ({
  tenant: tenantInput(z),
  environment: z
    .string()
    .min(1)
    .describe("The environment, one of the tenant's, e.g. dev or prod."),
  name: z
    .string()
    .optional()
    .describe(
      'Optional middle part of the name: <tenant>-<name>-<environment>, or <tenant>-<environment> without it.',
    ),
  size: z
    .string()
    .optional()
    .describe('A quota size of the platform policy, e.g. S, M or L.'),
  quota: quantities(z, 'ResourceQuota hard limits, over the size').optional(),
});

/** The outputs of every read answer built from the refreshed sources. */
export const freshnessOutput = (z: Z) => ({
  errors: sourceErrors(z),
  stale: z
    .boolean()
    .describe('True when a source behind the answer serves stale data.'),
  generatedAt: z.string().describe('When the answer was built (ISO 8601).'),
});

/** The `dryRun` input of the write actions. */
export const dryRunInput = (z: Z, what: string) =>
  z
    .boolean()
    .default(false)
    .describe(
      `true: validate and render only, ${what}; nothing is written and no pull request is opened.`,
    );

/** The outputs of every write action: the change's files and pull request. */
export const changeOutputShape = (z: Z) => ({
  files: z
    .array(z.string())
    .describe(
      'Files of the change, relative to the GitOps repository root; for a decommission, the files it deletes.',
    ),
  branch: z.string().optional().describe('The branch of the pull request.'),
  pullRequestUrl: z
    .string()
    .optional()
    .describe(
      'URL of the pull request for a person to review; absent in a dry run.',
    ),
  pullRequestNumber: z
    .number()
    .optional()
    .describe('Number of the pull request; absent in a dry run.'),
});
