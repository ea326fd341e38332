import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  changeProjectFile,
  prepareNamespaceCreate,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { TenancyActionDeps } from './TenancyActionDeps';
import { auditedRun } from './auditedRun';
import { namespaceSettingsInput, placementInput } from './namespaceSettings';
import { checkNewNamespace } from './checkNewNamespace';
import { changeOutput } from './publishChange';
import { resolveClusterName } from './resolveClusterName';
import { runProvisioning } from './runProvisioning';
import { startTenantRequest } from './startTenantRequest';
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
  const { layout, policy, publisher } = options;
  return createTemplateAction({
    id: 'tenancy:namespace:create',
    description:
      'Requests a namespace for a tenant: validates it against the tenant and the platform policy, renders the namespace bundle and opens a pull request on the GitOps repository.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        ...placementInput,
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
        ...changeOutput,
      },
    },
    async handler(ctx) {
      await auditedRun(ctx, options.auditor, 'namespace-create', async () => {
        const { input } = ctx;
        const { tenant, owner, context } = await startTenantRequest(
          ctx,
          options,
          input.tenant,
        );
        const prepared = prepareNamespaceCreate(
          {
            tenant: tenant.metadata.name,
            environment: input.environment,
            cluster: resolveClusterName(input.cluster),
            name: input.name || undefined,
            size: input.size,
            quota: input.quota,
            limits: input.limits,
            labels: input.labels,
            purpose: input.purpose,
          },
          { tenant, owner, context },
        );
        const { namespace, request } = prepared;
        ctx.output('namespace', namespace);
        ctx.output('entityRef', `resource:default/${namespace}`);
        await runProvisioning(ctx, publisher, {
          requestedBy: context.requestedBy,
          prepared,
          what: 'namespace',
          dryRun: 'write',
          precheck: checkNewNamespace({
            what: 'namespace',
            layout,
            tenant,
            environment: input.environment,
            namespace,
            quota: prepared.quota,
          }),
          // The AppProject file depends on the base branch: not in the fingerprint.
          againstBase: async (base, files) => ({
            ...files,
            ...changeProjectFile({
              current: await base.readFile(
                layout.tenantProjectFile(request!.tenant),
              ),
              layout,
              policy,
              tenant: { name: request!.tenant, ssoGroup: request!.ssoGroup },
              add: { cluster: request!.cluster, namespace },
            }),
          }),
          fingerprintOf: prepared.files,
          whenOpenDiffers: 'conflict',
        });
      });
    },
  });
}
