import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { prepareTenantException } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import {
  auditedRun,
  runProvisioning,
  startTenantRequest,
} from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { changeOutput } from './changeOutput';
import { TenancyActionDeps } from './TenancyActionDeps';
import { scaffolderRun } from './scaffolderRun';
import { examples } from './tenantException.examples';

/**
 * `tenancy:tenant:exception`: a tenant-specific exception to the platform's
 * guardrails, image registries added to or removed from the Tenant's
 * `spec.allowedRegistries`, as a reviewed pull request.
 *
 * @public
 */
export function createTenantExceptionAction(options: TenancyActionDeps) {
  const { layout, policy, publisher } = options;
  return createTemplateAction({
    id: 'tenancy:tenant:exception',
    description:
      "Requests a guardrail exception for a tenant: image registries added to (or removed from) its spec.allowedRegistries, beside the platform default. Each registry is checked, a justification is required, and the change to the tenant's tenant.yaml becomes a pull request.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        tenant: z =>
          z
            .string()
            .min(1)
            .describe(
              'The tenant: a Tenant entity reference or name, e.g. "tenant:default/payments".',
            ),
        addRegistries: z =>
          z
            .array(z.string())
            .optional()
            .describe(
              'Registries the tenant may pull images from: a registry host with an optional port and path, ending with "/", e.g. "ghcr.io/acme-payments/"; no scheme, tag, digest or wildcard.',
            ),
        removeRegistries: z =>
          z
            .array(z.string())
            .optional()
            .describe("Registries of the tenant's own list to take away."),
        reason: z =>
          z
            .string()
            .describe(
              'Why the tenant needs the exception (10 to 1000 characters); the reviewer reads it.',
            ),
      },
      output: {
        allowedRegistries: z =>
          z
            .array(z.string())
            .describe(
              "The tenant's spec.allowedRegistries after the merge (without the platform default).",
            ),
        ...changeOutput,
      },
    },
    async handler(ctx) {
      const run = scaffolderRun(ctx);
      await auditedRun(run, options.auditor, 'tenant-exception', async () => {
        const { input } = ctx;
        if (!publisher) {
          throw new InputError(
            'tenancy.gitops.publisher is not configured: there is no repository to change',
          );
        }
        const { tenant, context, userEntityRef } = await startTenantRequest(
          run,
          options,
          input.tenant,
        );
        const file = layout.tenantFile(tenant.metadata.name);
        const prepared = prepareTenantException(
          {
            addRegistries: input.addRegistries,
            removeRegistries: input.removeRegistries,
            reason: input.reason,
            current: await publisher.readFile(file),
          },
          {
            tenant,
            context,
            platformRegistries: policy.guardrails?.allowedRegistries ?? [],
          },
        );
        await runProvisioning(run, publisher, {
          requestedBy: userEntityRef,
          prepared,
          what: 'tenant exception',
          dryRun: 'list',
          whenOpenDiffers: 'conflict',
        });
        ctx.output('allowedRegistries', prepared.allowedRegistries);
      });
    },
  });
}
