import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { decommissionNamespace } from '@tenancy-plugins/backstage-plugin-tenancy-node';
import {
  changeOutputShape,
  dryRunInput,
  existingNamespaceInput,
} from './actionSchemas';
import { runInRegistry } from './runInRegistry';
import { TenancyWriteActionsOptions } from './TenancyWriteActionsOptions';

/**
 * `tenancy:decommission-namespace`: `tenancy:namespace:delete` for an agent,
 * the same implementation (`decommissionNamespace` of tenancy-node).
 */
export function registerDecommissionAction(
  registry: ActionsRegistryService,
  options: TenancyWriteActionsOptions,
) {
  registry.register({
    name: 'decommission-namespace',
    title: 'Decommission a namespace',
    description:
      "Asks for a tenant namespace to be removed: opens a pull request on the GitOps repository that deletes its folder and its destination in the tenant's Argo CD project, listing every file and object that goes, for a person to review; once merged, Argo CD deletes the namespace and everything in it. The caller must be a member of the tenant's owning group or a platform admin. Refused while a change of the namespace is open; running it again updates the open decommissioning request. With dryRun true it only lists the files that would go.",
    attributes: { readOnly: false, destructive: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          namespace: existingNamespaceInput(z),
          reason: z
            .string()
            .max(1000)
            .optional()
            .describe('Why it goes; shown to the reviewer.'),
          dryRun: dryRunInput(z, 'listing the files that would go'),
        }),
      output: z => z.object(changeOutputShape(z)),
    },
    action: context => runInRegistry(context, options, decommissionNamespace),
  });
}
