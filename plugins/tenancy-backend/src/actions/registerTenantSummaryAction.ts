import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { SummaryService } from '../summary/SummaryService';
import {
  applicationCounts,
  costWindowInput,
  freshnessOutput,
  quotaUsage,
  reconciler,
  reconcilerCounts,
  tenantInput,
} from './actionSchemas';
import { tenantRefOf } from './tenantRefOf';
import { toTenantSummaryOutput } from './toTenantSummaryOutput';

/** `tenancy:get-tenant-summary`: a tenant's quota, cost and deployment state. */
export function registerTenantSummaryAction(
  registry: ActionsRegistryService,
  summaries: SummaryService,
) {
  registry.register({
    name: 'get-tenant-summary',
    title: 'Tenant summary',
    description:
      "Answers, for one tenant, how much of each namespace's quota is used, what the namespaces cost in the window, and whether their Argo CD applications are synced and healthy, with totals over the tenant. Use it before asking for a namespace or a quota change, or to explain a tenant's state. Namespaces the caller may not see are left out; sources that failed are listed in errors.",
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          tenant: tenantInput(z),
          window: costWindowInput(z),
        }),
      output: z =>
        z.object({
          entityRef: z.string().describe("The tenant's entity reference."),
          namespaces: z
            .array(
              z
                .object({
                  entityRef: z
                    .string()
                    .describe('Entity reference of the namespace or vCluster.'),
                  type: z
                    .string()
                    .describe('kubernetes-namespace or vcluster.'),
                  namespace: z
                    .string()
                    .describe(
                      'Kubernetes namespace (a vCluster: its host namespace).',
                    ),
                  cluster: z.string().describe('The cluster it runs on.'),
                  environment: z
                    .string()
                    .optional()
                    .describe('Its environment, e.g. dev or prod.'),
                  phase: z
                    .string()
                    .optional()
                    .describe('Namespace phase on the cluster, e.g. Active.'),
                  quota: z
                    .array(quotaUsage(z))
                    .optional()
                    .describe(
                      'Quota per resource; absent without cluster data.',
                    ),
                  cost: z
                    .number()
                    .optional()
                    .describe('Cost in the window; absent without cost data.'),
                  applications: z
                    .array(
                      z
                        .object({
                          name: z.string().describe('Application name.'),
                          instance: z.string().describe('Argo CD instance.'),
                          sync: z
                            .string()
                            .describe('Synced, OutOfSync or Unknown.'),
                          health: z
                            .string()
                            .describe(
                              'Healthy, Progressing, Degraded, Suspended, Missing or Unknown.',
                            ),
                          url: z
                            .string()
                            .describe('The application in the Argo CD UI.'),
                        })
                        .describe('An Argo CD application deploying into it.'),
                    )
                    .describe('Its Argo CD applications.'),
                  reconcilers: z
                    .array(reconciler(z))
                    .optional()
                    .describe(
                      'Everything deploying into it, either engine: its Argo CD applications and, on a Flux cluster, its Kustomizations and HelmReleases.',
                    ),
                })
                .describe('One namespace or vCluster of the tenant.'),
            )
            .describe("The tenant's namespaces and vClusters."),
          totals: z
            .object({
              quota: z
                .array(quotaUsage(z))
                .describe('Quota summed over the namespaces.'),
              cost: z
                .number()
                .optional()
                .describe('Cost of the window over the namespaces.'),
              currency: z
                .string()
                .optional()
                .describe('Currency of the costs, e.g. EUR.'),
              applications: applicationCounts(z),
              reconcilers: reconcilerCounts(z).optional(),
            })
            .describe('Totals over the tenant.'),
          ...freshnessOutput(z),
        }),
    },
    action: async ({ input, credentials }) => ({
      output: toTenantSummaryOutput(
        await summaries.entitySummary(
          tenantRefOf(input.tenant),
          input.window,
          credentials,
        ),
      ),
    }),
  });
}
