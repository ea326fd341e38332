import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { requestNamespace } from '@tenancy-plugins/backstage-plugin-tenancy-node';
import {
  changeOutputShape,
  dryRunInput,
  newNamespaceInput,
} from './actionSchemas';
import { runInRegistry } from './runInRegistry';
import { TenancyWriteActionsOptions } from './TenancyWriteActionsOptions';

/**
 * `tenancy:request-namespace`: `tenancy:namespace:create` for an agent, the
 * same implementation (`requestNamespace` of tenancy-node).
 */
export function registerRequestNamespaceAction(
  registry: ActionsRegistryService,
  options: TenancyWriteActionsOptions,
) {
  registry.register({
    name: 'request-namespace',
    title: 'Request a namespace',
    description:
      "Requests a new namespace for a tenant as a pull request on the GitOps repository, for a person to review and merge; nothing is applied to a cluster. The caller must be a member of the tenant's owning group or a platform admin. The request is validated against the tenant and the platform policy (environment, cluster, quota size and ceiling, the tenant's budget, the name free) and every problem is named (field and rule). With dryRun true it only validates and returns the rendered files. Asking again for the same namespace with the same settings returns the same pull request. Check the name first with check-namespace-name.",
    attributes: { readOnly: false, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          ...newNamespaceInput(z),
          cluster: z
            .string()
            .min(1)
            .describe(
              'The cluster, by name or as a Resource entity reference; must be allowed for the environment.',
            ),
          labels: z
            .record(z.string())
            .optional()
            .describe('Extra labels on the Namespace.'),
          purpose: z
            .string()
            .optional()
            .describe(
              "Why the namespace is needed; shown to the reviewer and as the entity's description.",
            ),
          dryRun: dryRunInput(z, 'returning the rendered files'),
        }),
      output: z =>
        z.object({
          namespace: z
            .string()
            .describe('The Kubernetes name of the namespace.'),
          entityRef: z
            .string()
            .describe(
              'The catalog entity reference the namespace will have once merged.',
            ),
          ...changeOutputShape(z),
          rendered: z
            .record(z.string())
            .optional()
            .describe('In a dry run: the rendered files, path to YAML text.'),
        }),
    },
    action: context => runInRegistry(context, options, requestNamespace),
  });
}
