import { requestBranch } from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { createHash } from 'node:crypto';
import { InputError, NotFoundError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { TENANT_KIND } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { authorizeTenantRequest } from './authorizeTenantRequest';
import { TenancyActionDeps } from './TenancyActionDeps';
import { describeNamespaceRequest } from './describeNamespaceRequest';
import { examples } from './namespaceUpdate.examples';
import { loadNamespaceEntity } from './loadNamespaceEntity';
import { namespaceSettingsInput, resolveQuota } from './namespaceSettings';
import { prepareNamespaceBundle } from './prepareNamespaceBundle';
import { publishChange, pullRequestOutput } from './publishChange';

/**
 * `tenancy:namespace:update`: changes the quota, container limits or labels
 * of an existing tenant namespace through a pull request.
 *
 * @public
 */
export function createNamespaceUpdateAction(options: TenancyActionDeps) {
  const { catalog, userInfo, permissions, layout, policy, publisher } = options;
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
      const {
        entity,
        tenant: tenantName,
        environment,
        cluster,
      } = await loadNamespaceEntity({
        namespace: input.namespace,
        catalog,
        credentials,
      });
      const { tenant, owner, userEntityRef } = await authorizeTenantRequest({
        tenant: tenantName,
        credentials,
        catalog,
        userInfo,
        permissions,
      });
      const namespace = entity.metadata.name;
      const folder = layout.namespaceDir(tenantName, environment, namespace);
      if (!(await publisher.exists(folder))) {
        throw new NotFoundError(`${folder} is not in the GitOps repository`);
      }
      if (!input.size && !input.quota && !input.limits && !input.labels) {
        throw new InputError(
          'nothing to change: give a size, quota, limits or labels',
        );
      }

      const others = await catalog.getEntities(
        { filter: { kind: TENANT_KIND }, fields: ['metadata.name'] },
        { credentials },
      );
      const { request, files, ceiling } = prepareNamespaceBundle({
        input: {
          tenant: tenantName,
          environment,
          cluster,
          name: namePart(namespace, tenantName, environment),
          quota: resolveQuota(policy, input.size, input.quota),
          limits: input.limits,
          labels: input.labels,
          purpose: entity.metadata.description,
        },
        tenant,
        owner,
        requestedBy: userEntityRef,
        otherTenants: others.items.map(e => e.metadata.name),
        policy,
        layout,
      });
      const changed: Record<string, string> = {};
      for (const [path, content] of Object.entries(files)) {
        if ((await publisher.readFile(path)) !== content)
          changed[path] = content;
      }
      const paths = Object.keys(changed);
      if (paths.length === 0) {
        throw new InputError(
          `namespace ${namespace} already has these settings: nothing to change`,
        );
      }
      ctx.output('files', paths);
      if (ctx.isDryRun) return;

      await publishChange(ctx, publisher, {
        branch: requestBranch(tenantName, `${namespace}-update`),
        title: `Change namespace ${namespace} of tenant ${tenantName} (${environment})`,
        body: describeNamespaceRequest({
          request,
          requestedBy: userEntityRef,
          ceiling,
          files: paths,
          change: { reason: input.reason },
        }),
        files: changed,
        fingerprint: createHash('sha256')
          .update(JSON.stringify(changed))
          .digest('hex'),
        whenOpenDiffers: 'update',
      });
    },
  });
}

/** The middle part of `<tenant>-<name>-<environment>`, or why there is none. */
function namePart(
  namespace: string,
  tenant: string,
  environment: string,
): string | undefined {
  if (namespace === `${tenant}-${environment}`) return undefined;
  const prefix = `${tenant}-`;
  const suffix = `-${environment}`;
  if (
    namespace.startsWith(prefix) &&
    namespace.endsWith(suffix) &&
    namespace.length > prefix.length + suffix.length
  ) {
    return namespace.slice(prefix.length, -suffix.length);
  }
  throw new InputError(
    `namespace ${namespace} is not named <tenant>-<name>-<environment>; change it by hand in the GitOps repository`,
  );
}
