import { requestBranch } from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { createHash } from 'node:crypto';
import { ConflictError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { TENANT_KIND } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { authorizeTenantRequest } from './authorizeTenantRequest';
import { TenancyActionDeps } from './TenancyActionDeps';
import { describeNamespaceRequest } from './describeNamespaceRequest';
import { namespaceSettingsInput, resolveQuota } from './namespaceSettings';
import { prepareNamespaceBundle } from './prepareNamespaceBundle';
import { publishChange, pullRequestOutput } from './publishChange';
import { projectDestinationFile } from './projectDestinationFile';
import { resolveClusterName } from './resolveClusterName';
import { writeToWorkspace } from './writeToWorkspace';
import { examples } from './namespaceCreate.examples';

/**
 * `tenancy:namespace:create`: validates a namespace request against its
 * Tenant and the platform policy, renders the namespace bundle, and opens a
 * pull request on the GitOps repository (or, in a dry run, writes the files to
 * the workspace).
 *
 * @public
 */
export function createNamespaceCreateAction(options: TenancyActionDeps) {
  const { catalog, userInfo, permissions, layout, policy, publisher } = options;
  return createTemplateAction({
    id: 'tenancy:namespace:create',
    description:
      'Requests a namespace for a tenant: validates it against the tenant and the platform policy, renders the namespace bundle and opens a pull request on the GitOps repository.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        tenant: z =>
          z
            .string()
            .min(1)
            .describe(
              'The tenant: a Tenant entity reference or name, e.g. "tenant:default/payments" or "payments".',
            ),
        environment: z =>
          z
            .string()
            .min(1)
            .describe(
              "Environment of the namespace; one of the tenant's environments.",
            ),
        cluster: z =>
          z
            .string()
            .min(1)
            .describe(
              'The cluster, by name or as a Resource entity reference; must be allowed for the environment.',
            ),
        name: z =>
          z
            .string()
            .optional()
            .describe(
              'Optional middle part of the name: <tenant>-<name>-<environment>, or <tenant>-<environment> without it.',
            ),
        ...namespaceSettingsInput,
        purpose: z =>
          z
            .string()
            .optional()
            .describe('Why the namespace is needed; shown to the reviewer.'),
      },
      output: {
        namespace: z =>
          z.string().describe('The Kubernetes name of the namespace.'),
        entityRef: z =>
          z
            .string()
            .describe(
              'The catalog entity reference the namespace will have once merged.',
            ),
        files: z =>
          z
            .array(z.string())
            .describe('Files of the change, relative to the repository root.'),
        ...pullRequestOutput,
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const credentials = await ctx.getInitiatorCredentials();

      const { tenant, owner, userEntityRef } = await authorizeTenantRequest({
        tenant: input.tenant,
        credentials,
        catalog,
        userInfo,
        permissions,
      });

      const cluster = resolveClusterName(input.cluster);
      const requestInput = {
        tenant: tenant.metadata.name,
        environment: input.environment,
        cluster,
        name: input.name || undefined,
        quota: resolveQuota(policy, input.size, input.quota),
        limits: input.limits,
        labels: input.labels,
        purpose: input.purpose,
      };
      const others = await catalog.getEntities(
        { filter: { kind: TENANT_KIND }, fields: ['metadata.name'] },
        { credentials },
      );
      const { request, files, ceiling } = prepareNamespaceBundle({
        input: requestInput,
        tenant,
        owner,
        requestedBy: userEntityRef,
        otherTenants: others.items.map(e => e.metadata.name),
        policy,
        layout,
      });
      const { namespace } = request;
      const paths = Object.keys(files);
      const entityRef = `resource:default/${namespace}`;
      ctx.output('namespace', namespace);
      ctx.output('entityRef', entityRef);
      ctx.output('files', paths);

      if (ctx.isDryRun || !publisher) {
        await writeToWorkspace(ctx, files, !!publisher);
        return;
      }

      const folder = layout.namespaceDir(
        request.tenant,
        request.environment,
        namespace,
      );
      if (await publisher.exists(folder)) {
        throw new ConflictError(
          `namespace ${namespace} already exists in the GitOps repository (${folder})`,
        );
      }
      const branch = requestBranch(request.tenant, namespace);
      // The request itself; the AppProject file depends on the base branch.
      const fingerprint = createHash('sha256')
        .update(JSON.stringify(files))
        .digest('hex');
      const project = await projectDestinationFile({
        publisher,
        layout,
        policy,
        tenant: { name: request.tenant, ssoGroup: request.ssoGroup },
        add: { cluster: request.cluster, namespace },
      });
      const allPaths = [...paths, ...Object.keys(project)];
      ctx.output('files', allPaths);
      await publishChange(ctx, publisher, {
        branch,
        title: `New namespace ${namespace} for tenant ${request.tenant} (${request.environment})`,
        body: describeNamespaceRequest({
          request,
          requestedBy: userEntityRef,
          ceiling,
          files: allPaths,
        }),
        files: { ...files, ...project },
        fingerprint,
        whenOpenDiffers: 'conflict',
      });
    },
  });
}
