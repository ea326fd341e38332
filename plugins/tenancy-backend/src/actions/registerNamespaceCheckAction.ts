import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { ProvisioningCheckService } from '../provisioning/ProvisioningCheckService';
import {
  newNamespaceInput,
  quantities,
  validationProblems,
} from './actionSchemas';
import { tenantRefOf } from './tenantRefOf';

/** `tenancy:check-namespace-name`: the wizard's namespace check, for an agent. */
export function registerNamespaceCheckAction(
  registry: ActionsRegistryService,
  provisioning: ProvisioningCheckService,
) {
  registry.register({
    name: 'check-namespace-name',
    title: 'Check a namespace request',
    description:
      "Checks a namespace a tenant is about to request, without writing anything: the name it composes (<tenant>-<name>-<environment>), every rule it breaks (field and rule), whether it is free (not in the catalog, the GitOps repository or an open request) and, when a size or quota is given, the quota it resolves to against the tenant's budget. Call it before request-namespace.",
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          ...newNamespaceInput(z),
          cluster: z
            .string()
            .optional()
            .describe("The cluster; the environment's first when left out."),
        }),
      output: z =>
        z.object({
          namespace: z
            .string()
            .describe('The composed Kubernetes namespace name.'),
          problems: validationProblems(z),
          available: z
            .boolean()
            .optional()
            .describe(
              'False when the namespace exists or is in an open request; absent when that could not be checked.',
            ),
          conflict: z.string().optional().describe('Why it is not available.'),
          quota: quantities(z, 'The quota the request resolves to').optional(),
          budget: z
            .array(
              z
                .object({
                  resource: z.string().describe('The budgeted resource.'),
                  budget: z.string().describe("The tenant's budget of it."),
                  used: z
                    .string()
                    .describe(
                      'Used by its other namespaces and open requests.',
                    ),
                  requested: z.string().describe('What this request adds.'),
                  remaining: z.string().describe('What is left after it.'),
                })
                .describe('One resource of the budget.'),
            )
            .optional()
            .describe(
              "The tenant's quota budget against the request; absent without budget or quota.",
            ),
        }),
    },
    action: async ({ input, credentials }) => ({
      output: await provisioning.checkNamespace(
        { ...input, tenant: tenantRefOf(input.tenant) },
        credentials,
      ),
    }),
  });
}
