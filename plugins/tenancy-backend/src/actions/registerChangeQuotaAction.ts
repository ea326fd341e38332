import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { changeNamespace } from '@tenancy-plugins/backstage-plugin-tenancy-node';
import {
  changeOutputShape,
  dryRunInput,
  existingNamespaceInput,
  quantities,
} from './actionSchemas';
import { runInRegistry } from './runInRegistry';
import { TenancyWriteActionsOptions } from './TenancyWriteActionsOptions';

/**
 * `tenancy:change-namespace-quota`: `tenancy:namespace:update` for an agent,
 * the same implementation (`changeNamespace` of tenancy-node).
 */
export function registerChangeQuotaAction(
  registry: ActionsRegistryService,
  options: TenancyWriteActionsOptions,
) {
  registry.register({
    name: 'change-namespace-quota',
    title: "Change a namespace's quota",
    description:
      "Changes the ResourceQuota of an existing tenant namespace through a pull request on the GitOps repository, for a person to review; only the given values change, everything else stays as it is on the base branch. The caller must be a member of the tenant's owning group or a platform admin. The result is checked against the environment's ceiling and the tenant's budget, every problem named (field and rule). A second change before the review updates the same pull request; refused while a decommission of the namespace is open. With dryRun true it only checks and lists the files that would change.",
    attributes: { readOnly: false, destructive: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          namespace: existingNamespaceInput(z),
          size: z
            .string()
            .optional()
            .describe(
              'A quota size of the platform policy, e.g. S, M or L: its quota values (and container limits).',
            ),
          quota: quantities(
            z,
            'The hard limits to change; the others stay',
          ).optional(),
          reason: z
            .string()
            .optional()
            .describe('Why the change is needed; shown to the reviewer.'),
          dryRun: dryRunInput(z, 'listing the files that would change'),
        }),
      output: z => z.object(changeOutputShape(z)),
    },
    action: context => runInRegistry(context, options, changeNamespace),
  });
}
