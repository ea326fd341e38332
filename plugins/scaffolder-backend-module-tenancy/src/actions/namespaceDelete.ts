import { requestBranch } from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { createHash } from 'node:crypto';
import { InputError, NotFoundError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { parseAllDocuments } from 'yaml';
import { TENANCY_ANNOTATIONS } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { authorizeTenantRequest } from './authorizeTenantRequest';
import { TenancyActionDeps } from './TenancyActionDeps';
import { loadNamespaceEntity } from './loadNamespaceEntity';
import { escapeMarkdown as escape } from './escapeMarkdown';
import { publishChange, pullRequestOutput } from './publishChange';
import { projectDestinationFile } from './projectDestinationFile';
import { examples } from './namespaceDelete.examples';

/**
 * `tenancy:namespace:delete`: opens a pull request that removes a namespace's
 * folder from the GitOps repository; its body lists what will be deleted.
 *
 * @public
 */
export function createNamespaceDeleteAction(options: TenancyActionDeps) {
  const { catalog, userInfo, permissions, layout, policy, publisher } = options;
  return createTemplateAction({
    id: 'tenancy:namespace:delete',
    description:
      'Decommissions a tenant namespace: opens a pull request that removes its folder from the GitOps repository, listing every file and object that goes.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        namespace: z =>
          z
            .string()
            .min(1)
            .describe(
              'The namespace entity: a reference or name, e.g. "resource:default/payments-api-dev".',
            ),
        reason: z =>
          z
            .string()
            .max(1000)
            .optional()
            .describe('Why it goes; shown to the reviewer.'),
      },
      output: {
        files: z =>
          z.array(z.string()).describe('Files the pull request deletes.'),
        ...pullRequestOutput,
      },
    },
    async handler(ctx) {
      if (!publisher) {
        throw new InputError(
          'tenancy.gitops.publisher is not configured: there is no repository to delete from',
        );
      }
      const credentials = await ctx.getInitiatorCredentials();
      const {
        entity,
        tenant: tenantName,
        environment,
        cluster,
      } = await loadNamespaceEntity({
        namespace: ctx.input.namespace,
        catalog,
        credentials,
      });
      const { userEntityRef, tenant } = await authorizeTenantRequest({
        tenant: tenantName,
        credentials,
        catalog,
        userInfo,
        permissions,
      });

      const name = entity.metadata.name;
      const folder = layout.namespaceDir(tenantName, environment, name);
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
          kinds: kindsOf((await publisher.readFile(file)) ?? ''),
        })),
      );
      // Argo CD may no longer deploy there once the namespace is gone.
      const project = await projectDestinationFile({
        publisher,
        layout,
        policy,
        tenant: { name: tenantName, ssoGroup: tenant.spec.ssoGroup ?? '' },
        remove: {
          cluster,
          namespace:
            entity.metadata.annotations?.[
              TENANCY_ANNOTATIONS.kubernetesNamespace
            ] ?? name,
        },
      });
      const body = [
        `**${escape(
          userEntityRef,
        )}** asks to decommission namespace \`${name}\` of tenant **${tenantName}** (${environment}).`,
        '',
        ...(ctx.input.reason ? [`> ${escape(ctx.input.reason)}`, ''] : []),
        '### What will be deleted',
        '',
        'Once merged, Argo CD prunes these objects from the cluster and the catalog forgets the namespace. Everything inside the namespace goes with it.',
        '',
        ...manifests.map(
          m =>
            `- \`${m.file}\`${m.kinds.length ? `: ${m.kinds.join(', ')}` : ''}`,
        ),
        ...Object.keys(project).map(
          file =>
            `- \`${file}\`: the destination ${cluster}/${name} is removed from the tenant's AppProject`,
        ),
        '',
        '_Opened by the Backstage tenancy plugin._',
      ].join('\n');
      await publishChange(ctx, publisher, {
        branch: requestBranch(tenantName, `${name}-delete`),
        title: `Decommission namespace ${name} of tenant ${tenantName} (${environment})`,
        body,
        files: project,
        deletions: [folder],
        fingerprint: createHash('sha256')
          .update(files.join('\n'))
          .digest('hex'),
        whenOpenDiffers: 'update',
      });
    },
  });
}

/** `Kind name` of each object in a YAML stream, for the reviewer. */
function kindsOf(text: string): string[] {
  const docs = parseAllDocuments(text);
  return (Array.isArray(docs) ? docs : [docs])
    .map(
      doc =>
        doc.toJS() as { kind?: unknown; metadata?: { name?: unknown } } | null,
    )
    .filter(o => o && typeof o.kind === 'string')
    .map(o =>
      o!.metadata?.name ? `${o!.kind} ${o!.metadata.name}` : String(o!.kind),
    );
}
