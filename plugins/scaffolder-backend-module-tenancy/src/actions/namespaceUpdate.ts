import { InputError, NotFoundError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { prepareNamespaceUpdate } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { authorizeTenantRequest } from './authorizeTenantRequest';
import { TenancyActionDeps } from './TenancyActionDeps';
import { examples } from './namespaceUpdate.examples';
import { loadNamespaceEntity } from './loadNamespaceEntity';
import { namespaceSettingsInput } from './namespaceSettings';
import { provisioningContext } from './provisioningContext';
import { pullRequestOutput } from './publishChange';
import { runProvisioning } from './runProvisioning';

/**
 * `tenancy:namespace:update`: changes the quota, container limits or labels
 * of an existing tenant namespace through a pull request.
 *
 * @public
 */
export function createNamespaceUpdateAction(options: TenancyActionDeps) {
  const { catalog, layout, publisher } = options;
  return createTemplateAction({
    id: 'tenancy:namespace:update',
    description:
      'Changes the quota, container limits or labels of a tenant namespace: re-validates against the platform policy and opens (or updates) a pull request with the re-rendered bundle.',
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
        ...namespaceSettingsInput,
        reason: z =>
          z
            .string()
            .optional()
            .describe('Why the change is needed; shown to the reviewer.'),
      },
      output: {
        files: z => z.array(z.string()).describe('Files the change rewrites.'),
        ...pullRequestOutput,
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      if (!publisher) {
        throw new InputError(
          'tenancy.gitops.publisher is not configured: there is no repository to change',
        );
      }
      const credentials = await ctx.getInitiatorCredentials();
      const { entity, tenant, environment, cluster } =
        await loadNamespaceEntity({
          namespace: input.namespace,
          catalog,
          credentials,
        });
      const authorized = await authorizeTenantRequest({
        ...options,
        tenant,
        credentials,
      });
      const namespace = entity.metadata.name;
      const folder = layout.namespaceDir(tenant, environment, namespace);
      if (!(await publisher.exists(folder))) {
        throw new NotFoundError(`${folder} is not in the GitOps repository`);
      }
      const context = await provisioningContext(
        options,
        credentials,
        authorized.userEntityRef,
      );
      const prepared = prepareNamespaceUpdate(
        {
          namespace,
          environment,
          cluster,
          purpose: entity.metadata.description,
          size: input.size,
          quota: input.quota,
          limits: input.limits,
          labels: input.labels,
          reason: input.reason,
        },
        { tenant: authorized.tenant, owner: authorized.owner, context },
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
              `namespace ${namespace} already has these settings: nothing to change`,
            );
          }
          return changed;
        },
        whenOpenDiffers: 'update',
      });
    },
  });
}
