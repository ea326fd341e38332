import { NotFoundError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  prepareNamespaceDelete,
  TENANCY_ANNOTATIONS,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { TenancyActionDeps } from './TenancyActionDeps';
import { auditedRun } from './auditedRun';
import { existingNamespaceInput } from './namespaceSettings';
import { changeOutput } from './publishChange';
import { runProvisioning } from './runProvisioning';
import { startNamespaceChange } from './startNamespaceChange';
import { examples } from './namespaceDelete.examples';

/**
 * `tenancy:namespace:delete`: opens a pull request that removes a namespace's
 * folder from the GitOps repository; its body lists what will be deleted.
 *
 * @public
 */
export function createNamespaceDeleteAction(options: TenancyActionDeps) {
  const { layout, policy } = options;
  return createTemplateAction({
    id: 'tenancy:namespace:delete',
    description:
      'Decommissions a tenant namespace: opens a pull request that removes its folder from the GitOps repository, listing every file and object that goes.',
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
      await auditedRun(ctx, options.auditor, 'namespace-delete', async () => {
        const change = await startNamespaceChange(
          ctx,
          options,
          ctx.input.namespace,
          'delete',
        );
        const { entity, publisher, folder, tenantName, environment, cluster } =
          change;
        const name = entity.metadata.name;
        const files = await publisher.listFiles(folder);
        if (files.length === 0) {
          throw new NotFoundError(
            `${folder} is not in the GitOps repository: nothing to delete`,
          );
        }
        ctx.output('files', files);
        if (ctx.isDryRun) return;

        const manifests = await Promise.all(
          files.map(async file => ({
            file,
            text: (await publisher.readFile(file)) ?? '',
          })),
        );
        await runProvisioning(ctx, publisher, {
          requestedBy: change.userEntityRef,
          prepared: prepareNamespaceDelete({
            name,
            kubernetesNamespace:
              entity.metadata.annotations?.[
                TENANCY_ANNOTATIONS.kubernetesNamespace
              ],
            tenant: {
              name: tenantName,
              ssoGroup: change.tenant.spec.ssoGroup ?? '',
            },
            environment,
            cluster,
            requestedBy: change.userEntityRef,
            reason: ctx.input.reason,
            manifests,
            currentProject: await publisher.readFile(
              layout.tenantProjectFile(tenantName),
            ),
            layout,
            policy,
          }),
          what: 'decommission',
          dryRun: 'list',
          deletions: [folder],
          outputFiles: files,
          fingerprintOf: files,
          whenOpenDiffers: 'update',
        });
      });
    },
  });
}
