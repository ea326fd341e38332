import { InputError, NotFoundError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { prepareNamespaceUpdate } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { TenancyActionDeps } from './TenancyActionDeps';
import { examples } from './namespaceUpdate.examples';
import {
  existingNamespaceInput,
  namespaceSettingsInput,
} from './namespaceSettings';
import { changeOutput } from './publishChange';
import { runProvisioning } from './runProvisioning';
import { startNamespaceChange } from './startNamespaceChange';

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
      'Changes the quota, container limits or labels of a tenant namespace: re-validates against the platform policy and opens (or updates) a pull request with the re-rendered bundle.',
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
      const { input } = ctx;
      const change = await startNamespaceChange(ctx, options, input.namespace);
      const { entity, publisher, folder } = change;
      if (!(await publisher.exists(folder))) {
        throw new NotFoundError(`${folder} is not in the GitOps repository`);
      }
      const prepared = prepareNamespaceUpdate(
        {
          namespace: entity.metadata.name,
          environment: change.environment,
          cluster: change.cluster,
          purpose: entity.metadata.description,
          size: input.size,
          quota: input.quota,
          limits: input.limits,
          labels: input.labels,
          reason: input.reason,
        },
        change,
      );
      await runProvisioning(ctx, publisher, {
        prepared,
        what: 'namespace',
        dryRun: 'list',
        againstBase: async (base, files) => {
          const changed: Record<string, string> = {};
          for (const [path, content] of Object.entries(files)) {
            if ((await base.readFile(path)) !== content)
              changed[path] = content;
          }
          if (Object.keys(changed).length === 0) {
            throw new InputError(
              `namespace ${entity.metadata.name} already has these settings: nothing to change`,
            );
          }
          return changed;
        },
        whenOpenDiffers: 'update',
      });
    },
  });
}
