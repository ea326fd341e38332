import { requestBranch } from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { createHash } from 'node:crypto';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  renderTenantAppProject,
  renderTenantEntity,
  serializeManifests,
  TENANT_KIND,
  TenantRequestInput,
  validateTenantRequest,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { authorizeForOwner } from './authorizeTenantRequest';
import { describeChecksAndFiles } from './describeNamespaceRequest';
import { escapeMarkdown as escape } from './escapeMarkdown';
import { namespaceSettingsInput, resolveQuota } from './namespaceSettings';
import { prepareNamespaceBundle } from './prepareNamespaceBundle';
import { publishChange, pullRequestOutput } from './publishChange';
import { sourceReposFor } from './projectDestinationFile';
import { resolveClusterName } from './resolveClusterName';
import { throwIfInvalid } from './throwIfInvalid';
import { TenancyActionDeps } from './TenancyActionDeps';
import { examples } from './tenantCreate.examples';
import { writeToWorkspace } from './writeToWorkspace';

const TENANT_CHECKS = [
  'the name is a DNS-1123 label of at most 40 characters, new, no reserved prefix, no prefix shared with another tenant',
  'the owner is a Group of the catalog; the requester belongs to it, or is a platform admin',
  'cost center characters; identity group: not a system group, no wildcard',
  'environments are configured; free text without control characters',
  'each first namespace passes every namespace check (names, placement, quota and ceiling, limits, labels)',
  "the AppProject's destinations are explicit: one cluster and one namespace each",
];

/**
 * `tenancy:tenant:create`: onboards a tenant: its Tenant entity, its Argo CD
 * AppProject and its first namespaces, in one pull request.
 *
 * @public
 */
export function createTenantCreateAction(options: TenancyActionDeps) {
  const { catalog, userInfo, permissions, layout, policy, publisher } = options;
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
      const request: TenantRequestInput = {
        ...input,
        owner: normalizeGroupRef(input.owner),
        namespaces: (input.namespaces ?? []).map(ns => ({
          environment: ns.environment,
          cluster: resolveClusterName(ns.cluster),
          name: ns.name || undefined,
          quota: resolveQuota(policy, ns.size, ns.quota),
          limits: ns.limits,
          labels: ns.labels,
          purpose: ns.purpose,
        })),
      };
      const { userEntityRef } = await authorizeForOwner({
        owner: request.owner,
        what: `the new tenant ${input.name}`,
        credentials,
        userInfo,
        permissions,
      });
      const [group, tenants] = await Promise.all([
        catalog.getEntityByRef(request.owner, { credentials }),
        catalog.getEntities(
          { filter: { kind: TENANT_KIND }, fields: ['metadata.name'] },
          { credentials },
        ),
      ]);
      const problems = validateTenantRequest(request, {
        existingTenants: tenants.items.map(e => e.metadata.name),
        policy,
      });
      if (!group) {
        problems.push({
          field: 'owner',
          rule: 'exists',
          message: `owner ${request.owner} is not a Group of the catalog`,
        });
      }
      throwIfInvalid('tenant', problems);

      const tenant = renderTenantEntity(request);
      const otherTenants = tenants.items.map(e => e.metadata.name);
      // Each first namespace as tenancy:namespace:create renders it.
      const bundles = request.namespaces!.map(ns =>
        prepareNamespaceBundle({
          input: { ...ns, tenant: request.name },
          tenant,
          owner: request.owner,
          requestedBy: userEntityRef,
          otherTenants,
          policy,
          layout,
        }),
      );
      const project = renderTenantAppProject({
        tenant: request.name,
        ssoGroup: request.ssoGroup,
        sourceRepos: sourceReposFor(policy, request.name),
        destinations: bundles.map(({ request: ns }) => ({
          cluster: ns.cluster,
          namespace: ns.namespace,
        })),
      });
      const files: Record<string, string> = {
        [layout.tenantFile(request.name)]: serializeManifests([tenant]),
        [layout.tenantProjectFile(request.name)]: serializeManifests([project]),
      };
      for (const bundle of bundles) Object.assign(files, bundle.files);
      const paths = Object.keys(files);
      ctx.output('entityRef', stringifyEntityRef(tenant));
      ctx.output(
        'namespaces',
        bundles.map(bundle => bundle.request.namespace),
      );
      ctx.output('files', paths);

      if (ctx.isDryRun || !publisher) {
        await writeToWorkspace(ctx, files, !!publisher);
        return;
      }
      if (await publisher.exists(layout.tenantDir(request.name))) {
        throw new ConflictError(
          `tenant ${
            request.name
          } already exists in the GitOps repository (${layout.tenantDir(
            request.name,
          )})`,
        );
      }
      await publishChange(ctx, publisher, {
        branch: requestBranch(request.name, 'onboarding'),
        title: `Onboard tenant ${request.name}`,
        body: [
          `**${escape(userEntityRef)}** asks to onboard tenant **${
            request.name
          }**, owned by \`${request.owner}\`.`,
          '',
          ...(request.description
            ? [`> ${escape(request.description)}`, '']
            : []),
          `Cost center \`${escape(request.costCenter)}\` · SSO group \`${escape(
            request.ssoGroup,
          )}\` · environments ${request.environments
            .map(e => `\`${e}\``)
            .join(', ')} · isolation \`${tenant.spec.isolation}\``,
          '',
          '### First namespaces',
          '',
          ...(bundles.length
            ? bundles.map(
                ({ request: ns }) =>
                  `- \`${ns.namespace}\` on \`${ns.cluster}\`: ${Object.entries(
                    ns.quota,
                  )
                    .map(([r, q]) => `${r} ${q}`)
                    .join(', ')}`,
              )
            : ['- none; request them with the new-namespace template']),
          '',
          ...describeChecksAndFiles(TENANT_CHECKS, paths),
        ].join('\n'),
        files,
        fingerprint: createHash('sha256')
          .update(JSON.stringify(files))
          .digest('hex'),
        whenOpenDiffers: 'conflict',
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
