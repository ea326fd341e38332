import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { decommissionNamespace } from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { TenancyActionDeps } from './TenancyActionDeps';
import { changeOutput } from './changeOutput';
import { existingNamespaceInput } from './namespaceSettings';
import { scaffolderRun } from './scaffolderRun';
import { examples } from './namespaceDelete.examples';

/**
 * `tenancy:namespace:delete`: opens a pull request that removes a namespace's
 * or vCluster's folder from the GitOps repository and its destination from
 * the tenant's AppProject; its body lists what will be deleted.
 *
 * @public
 */
export function createNamespaceDeleteAction(options: TenancyActionDeps) {
  return createTemplateAction({
    id: 'tenancy:namespace:delete',
    description:
      "Decommissions a tenant namespace or vCluster: opens a pull request that removes its folder from the GitOps repository and its destination from the tenant's AppProject (for a vCluster, the vCluster as an Argo CD cluster), listing every file and object that goes.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        ...existingNamespaceInput,
        reason: z =>
          z
            .string()
            .max(1000)
            .optional()
            .describe('Why it goes; shown to the reviewer.'),
      },
      output: {
        ...changeOutput,
      },
    },
    async handler(ctx) {
      await decommissionNamespace(scaffolderRun(ctx), options, ctx.input);
    },
  });
}
