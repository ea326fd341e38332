import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { prepareTenantCreate } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { namespaceSettingsInput } from './namespaceSettings';
import {
  auditedRun,
  authorizeForOwner,
  noteAudit,
  provisioningContext,
  resolveClusterName,
  runProvisioning,
} from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { changeOutput } from './changeOutput';
import { TenancyActionDeps } from './TenancyActionDeps';
import { scaffolderRun } from './scaffolderRun';
import { examples } from './tenantCreate.examples';

/**
 * `tenancy:tenant:create`: onboards a tenant: its Tenant entity, its Argo CD
 * AppProject and its first namespaces, in one pull request.
 *
 * @public
 */
export function createTenantCreateAction(options: TenancyActionDeps) {
  const { catalog, layout, publisher } = options;
  return createTemplateAction({
    id: 'tenancy:tenant:create',
    description:
      'Onboards a tenant: validates it, renders its Tenant entity, its Argo CD AppProject (explicit destinations only) and its first namespaces, and opens one pull request on the GitOps repository.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        name: z =>
          z
            .string()
            .min(1)
            .describe(
              "The tenant's name: a DNS-1123 label of at most 40 characters, the prefix of all its namespaces.",
            ),
        title: z =>
          z.string().optional().describe('Display name, e.g. "Payments".'),
        description: z =>
          z.string().optional().describe('What the tenant does.'),
        owner: z =>
          z
            .string()
            .min(1)
            .describe(
              'The owning Group, an entity reference, e.g. group:default/team-payments. Its members may request for the tenant.',
            ),
        costCenter: z =>
          z.string().min(1).describe('Cost center charged for the tenant.'),
        ssoGroup: z =>
          z
            .string()
            .min(1)
            .describe(
              "The identity provider's group bound in the tenant's namespaces and Argo CD project.",
            ),
        environments: z =>
          z
            .array(z.string())
            .min(1)
            .describe(
              'Environments the tenant may use; each configured under tenancy.policy.environments.',
            ),
        isolation: z =>
          z
            .enum(['namespaces', 'vclusters', 'both'])
            .optional()
            .describe('namespaces (default), vclusters, or both.'),
        tier: z => z.string().optional().describe('Service tier, free text.'),
        namespaces: z =>
          z
            .array(
              z.object({
                environment: z.string(),
                cluster: z.string(),
                name: z.string().optional(),
                size: namespaceSettingsInput.size(z),
                quota: namespaceSettingsInput.quota(z),
                limits: namespaceSettingsInput.limits(z),
                labels: namespaceSettingsInput.labels(z),
                purpose: z.string().optional(),
              }),
            )
            .optional()
            .describe(
              'First namespaces, each as in tenancy:namespace:create (the tenant is implied).',
            ),
      },
      output: {
        entityRef: z =>
          z.string().describe('The Tenant entity reference once merged.'),
        namespaces: z =>
          z.array(z.string()).describe('Names of the first namespaces.'),
        ...changeOutput,
      },
    },
    async handler(ctx) {
      const run = scaffolderRun(ctx);
      await auditedRun(run, options.auditor, 'tenant-create', async () => {
        const { input } = ctx;
        const credentials = await ctx.getInitiatorCredentials();
        const owner = normalizeGroupRef(input.owner);
        const { userEntityRef } = await authorizeForOwner({
          ...options,
          owner,
          what: `the new tenant ${input.name}`,
          credentials,
        });
        noteAudit(run, { requestedBy: userEntityRef });
        const [group, context] = await Promise.all([
          catalog.getEntityByRef(owner, { credentials }),
          provisioningContext(options, credentials, userEntityRef),
        ]);
        const prepared = prepareTenantCreate(
          {
            ...input,
            owner,
            namespaces: input.namespaces?.map(ns => ({
              ...ns,
              cluster: resolveClusterName(ns.cluster),
              name: ns.name || undefined,
            })),
          },
          { context, ownerExists: !!group },
        );
        ctx.output('entityRef', stringifyEntityRef(prepared.entity));
        ctx.output('namespaces', prepared.namespaces);
        await runProvisioning(run, publisher, {
          requestedBy: userEntityRef,
          prepared,
          what: 'tenant',
          dryRun: 'write',
          precheck: async base => {
            const folder = layout.tenantDir(input.name);
            if (await base.exists(folder)) {
              throw new ConflictError(
                `tenant ${input.name} already exists in the GitOps repository (${folder})`,
              );
            }
            return [
              {
                name: `base branch: tenant ${input.name} is not on it yet`,
                result: 'passed',
              },
            ];
          },
          whenOpenDiffers: 'conflict',
        });
      });
    },
  });
}

function normalizeGroupRef(owner: string): string {
  try {
    return stringifyEntityRef(parseEntityRef(owner, { defaultKind: 'group' }));
  } catch {
    // Reported by validateTenantRequest, naming the field.
    return owner;
  }
}
