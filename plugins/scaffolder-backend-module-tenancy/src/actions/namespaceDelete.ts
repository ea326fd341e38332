import { NotFoundError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  changeProjectFile,
  describeNamespaceDeletion,
  TENANCY_ANNOTATIONS,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { TenancyActionDeps } from './TenancyActionDeps';
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
      const change = await startNamespaceChange(
        ctx,
        options,
        ctx.input.namespace,
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
      // Argo CD may no longer deploy there once the namespace is gone.
      const project = changeProjectFile({
        current: await publisher.readFile(layout.tenantProjectFile(tenantName)),
        layout,
        policy,
        tenant: {
          name: tenantName,
          ssoGroup: change.tenant.spec.ssoGroup ?? '',
        },
        remove: {
          cluster,
          namespace:
            entity.metadata.annotations?.[
              TENANCY_ANNOTATIONS.kubernetesNamespace
            ] ?? name,
        },
      });
      await runProvisioning(ctx, publisher, {
        prepared: {
          problems: [],
          files: project,
          tenant: tenantName,
          subject: `${name}-delete`,
          title: `Decommission namespace ${name} of tenant ${tenantName} (${environment})`,
          describe: changed =>
            describeNamespaceDeletion({
              namespace: name,
              tenant: tenantName,
              environment,
              cluster,
              requestedBy: change.userEntityRef,
              reason: ctx.input.reason,
              manifests,
              changed,
            }),
        },
        what: 'decommission',
        dryRun: 'list',
        deletions: [folder],
        outputFiles: files,
        fingerprintOf: files,
        whenOpenDiffers: 'update',
      });
    },
  });
}
