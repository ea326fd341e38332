import { NotFoundError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  NAMESPACE_BUNDLE_FILES,
  prepareNamespaceUpdate,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { TenancyActionDeps } from './TenancyActionDeps';
import { auditedRun } from './auditedRun';
import { examples } from './namespaceUpdate.examples';
import {
  existingNamespaceInput,
  namespaceSettingsInput,
} from './namespaceSettings';
import { changeOutput } from './publishChange';
import { refuseOverBudget } from './refuseOverBudget';
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
      await auditedRun(ctx, options.auditor, 'namespace-update', async () => {
        const { input } = ctx;
        const change = await startNamespaceChange(
          ctx,
          options,
          input.namespace,
          'update',
        );
        const { entity, publisher, folder } = change;
        if (!(await publisher.exists(folder))) {
          throw new NotFoundError(`${folder} is not in the GitOps repository`);
        }
        const read = (file: string) => publisher.readFile(`${folder}/${file}`);
        const [namespace, quota, limits] = await Promise.all([
          read(NAMESPACE_BUNDLE_FILES.namespace),
          read(NAMESPACE_BUNDLE_FILES.quota),
          read(NAMESPACE_BUNDLE_FILES.limits),
        ]);
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
            current: { namespace, quota, limits },
          },
          change,
        );
        await runProvisioning(ctx, publisher, {
          requestedBy: change.context.requestedBy,
          prepared,
          what: 'namespace',
          dryRun: 'list',
          precheck: refuseOverBudget({
            what: 'namespace',
            layout: options.layout,
            tenant: change.tenant,
            namespace: entity.metadata.name,
            quota: prepared.quota,
          }),
          whenOpenDiffers: 'update',
        });
      });
    },
  });
}
