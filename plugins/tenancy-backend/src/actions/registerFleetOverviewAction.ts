import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { SummaryService } from '../summary/SummaryService';
import {
  applicationCounts,
  costWindowInput,
  freshnessOutput,
  reconcilerCounts,
} from './actionSchemas';
import { freshnessOf } from './freshnessOf';

/** `tenancy:get-fleet-overview`: every tenant the caller may see, in one row each. */
export function registerFleetOverviewAction(
  registry: ActionsRegistryService,
  summaries: SummaryService,
) {
  registry.register({
    name: 'get-fleet-overview',
    title: 'Fleet overview',
    description:
      'Lists every tenant the caller may see with its owner, cost center, environments, namespace and vCluster counts, quota utilisation, cost in the window and Argo CD application counts, plus the cost per cost center. Use it to find tenants near their quota, the most expensive ones, or those with degraded applications.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z => z.object({ window: costWindowInput(z) }),
      output: z =>
        z.object({
          tenants: z
            .array(
              z
                .object({
                  entityRef: z
                    .string()
                    .describe(
                      'Entity reference of the tenant, e.g. tenant:default/payments.',
                    ),
                  name: z.string().describe('Tenant name.'),
                  owner: z
                    .string()
                    .describe('Entity reference of the owning group.'),
                  costCenter: z.string().describe('Its cost center.'),
                  environments: z
                    .array(z.string())
                    .describe('Its environments.'),
                  namespaceCount: z.number().describe('Its namespaces.'),
                  vclusterCount: z.number().describe('Its vClusters.'),
                  quotaUtilisation: z
                    .object({
                      cpu: z
                        .number()
                        .optional()
                        .describe('CPU requests used / hard.'),
                      memory: z
                        .number()
                        .optional()
                        .describe('Memory requests used / hard.'),
                      pods: z.number().optional().describe('Pods used / hard.'),
                      max: z
                        .number()
                        .optional()
                        .describe('The highest of the three.'),
                    })
                    .describe(
                      'Quota utilisation 0..1 over all its namespaces; empty without data.',
                    ),
                  cost: z
                    .number()
                    .optional()
                    .describe('Cost in the window; absent without cost data.'),
                  applications: applicationCounts(z),
                  reconcilers: reconcilerCounts(z).optional(),
                })
                .describe('One tenant.'),
            )
            .describe('The tenants the caller may see.'),
          costCenters: z
            .array(
              z
                .object({
                  costCenter: z.string().describe('The cost center.'),
                  tenants: z.number().describe('Its tenants.'),
                  cost: z.number().describe('Their cost in the window.'),
                })
                .describe('One cost center.'),
            )
            .describe('Cost per cost center, for chargeback.'),
          window: z.string().describe('The cost window.'),
          currency: z.string().describe('Currency of the costs.'),
          ...freshnessOutput(z),
        }),
    },
    action: async ({ input, credentials }) => {
      const fleet = await summaries.fleet(input.window, credentials);
      return {
        output: {
          tenants: fleet.items.map(t => ({
            entityRef: t.entityRef,
            name: t.name,
            owner: t.owner,
            costCenter: t.costCenter,
            environments: t.environments,
            namespaceCount: t.namespaceCount,
            vclusterCount: t.vclusterCount,
            quotaUtilisation: t.quotaUtilisation,
            ...(t.cost !== undefined && { cost: t.cost }),
            applications: t.applications,
            ...(t.reconcilers && { reconcilers: t.reconcilers }),
          })),
          costCenters: fleet.costCenters,
          window: fleet.window,
          currency: fleet.currency,
          ...freshnessOf(fleet),
        },
      };
    },
  });
}
