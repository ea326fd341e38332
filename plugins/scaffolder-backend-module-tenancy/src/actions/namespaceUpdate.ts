import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { changeNamespace } from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { TenancyActionDeps } from './TenancyActionDeps';
import { changeOutput } from './changeOutput';
import { examples } from './namespaceUpdate.examples';
import {
  existingNamespaceInput,
  namespaceSettingsInput,
} from './namespaceSettings';
import { scaffolderRun } from './scaffolderRun';

/**
 * `tenancy:namespace:update`: changes the quota, container limits or labels
 * of an existing tenant namespace through a pull request.
 *
 * @public
 */
export function createNamespaceUpdateAction(options: TenancyActionDeps) {
  return createTemplateAction({
    id: 'tenancy:namespace:update',
    description:
      'Changes the quota, container limits or labels of a tenant namespace: changes only what it is asked to (everything else stays as it is on the base branch), re-validates the result against the platform policy and opens (or updates) a pull request with the files that change.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        ...existingNamespaceInput,
        ...namespaceSettingsInput,
        reason: z =>
          z
            .string()
            .optional()
            .describe('Why the change is needed; shown to the reviewer.'),
      },
      output: {
        ...changeOutput,
      },
    },
    async handler(ctx) {
      await changeNamespace(scaffolderRun(ctx), options, ctx.input);
    },
  });
}
