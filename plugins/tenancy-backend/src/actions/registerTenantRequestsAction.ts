import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { TenantRequestsService } from '../requests/TenantRequestsService';
import { tenantInput } from './actionSchemas';
import { tenantRefOf } from './tenantRefOf';

/** `tenancy:list-tenant-requests`: a tenant's provisioning pull requests. */
export function registerTenantRequestsAction(
  registry: ActionsRegistryService,
  requests: TenantRequestsService,
) {
  registry.register({
    name: 'list-tenant-requests',
    title: "Tenant's provisioning requests",
    description:
      "Lists a tenant's provisioning requests: the pull requests on the GitOps repository that ask for its namespaces, vClusters, quota changes and decommissions, open, merged or closed, with who asked and the link for review. Use it to see whether a request is already open before asking for another.",
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z => z.object({ tenant: tenantInput(z) }),
      output: z =>
        z.object({
          requests: z
            .array(
              z
                .object({
                  number: z.number().describe('Number of the pull request.'),
                  title: z
                    .string()
                    .describe(
                      'Its title, e.g. New namespace payments-api-dev.',
                    ),
                  state: z
                    .enum(['open', 'merged', 'closed'])
                    .describe('open, merged, or closed without merge.'),
                  url: z.string().describe('Link to the pull request.'),
                  branch: z
                    .string()
                    .describe('Its branch, tenancy/<tenant>/<subject>.'),
                  requestedBy: z
                    .string()
                    .optional()
                    .describe('Entity reference of the user who asked for it.'),
                  createdAt: z
                    .string()
                    .optional()
                    .describe('When it was opened (ISO 8601).'),
                  updatedAt: z
                    .string()
                    .optional()
                    .describe('When it last changed (ISO 8601).'),
                })
                .describe('One provisioning request.'),
            )
            .describe("The tenant's requests."),
          configured: z
            .boolean()
            .describe(
              'False when no GitOps repository is configured (then there are none).',
            ),
          error: z
            .string()
            .optional()
            .describe(
              'Set when the repository could not be read; requests is then empty.',
            ),
        }),
    },
    action: async ({ input, credentials }) => {
      const answer = await requests.tenantRequests(
        tenantRefOf(input.tenant),
        credentials,
      );
      return {
        output: {
          requests: answer.items,
          configured: answer.configured,
          ...(answer.error && { error: answer.error }),
        },
      };
    },
  });
}
