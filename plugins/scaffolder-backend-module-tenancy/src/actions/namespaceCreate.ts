import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  composeNamespaceName,
  GitOpsLayout,
  isTenantEntity,
  renderNamespaceEntity,
  renderNamespaceManifest,
  TENANT_KIND,
  validateDnsLabel,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { stringify } from 'yaml';
import { examples } from './namespaceCreate.examples';

/**
 * `tenancy:namespace:create`: validates a namespace request against its
 * Tenant and renders the namespace's files, at their GitOps-layout paths, into
 * the scaffolder workspace.
 *
 * @public
 */
export function createNamespaceCreateAction(options: {
  catalog: CatalogService;
  layout: GitOpsLayout;
}) {
  const { catalog, layout } = options;
  return createTemplateAction({
    id: 'tenancy:namespace:create',
    description:
      'Validates a request for a tenant namespace and renders its catalog entity and Kubernetes manifests into the workspace, at their place in the GitOps repository layout.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        tenant: z =>
          z
            .string()
            .min(1)
            .describe(
              'The tenant the namespace belongs to: a Tenant entity reference or name, e.g. "tenant:default/payments" or "payments".',
            ),
        environment: z =>
          z
            .string()
            .min(1)
            .describe(
              "Environment of the namespace; must be one of the tenant's environments.",
            ),
        cluster: z =>
          z
            .string()
            .min(1)
            .describe('Name of the cluster the namespace is created on.'),
        name: z =>
          z
            .string()
            .optional()
            .describe(
              'Optional middle part of the namespace name: the namespace is called <tenant>-<name>-<environment>, or <tenant>-<environment> without it.',
            ),
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
            .describe('Files written to the workspace, relative to it.'),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      for (const field of ['environment', 'cluster'] as const) {
        const problem = validateDnsLabel(input[field], field);
        if (problem) throw new InputError(problem);
      }
      if (input.name !== undefined) {
        const problem = validateDnsLabel(input.name, 'name');
        if (problem) throw new InputError(problem);
      }

      let tenantRef;
      try {
        tenantRef = parseEntityRef(input.tenant, { defaultKind: TENANT_KIND });
      } catch (e) {
        throw new InputError(
          `tenant "${input.tenant}" is not an entity reference: ${e}`,
        );
      }
      const tenant = await catalog.getEntityByRef(tenantRef, {
        credentials: await ctx.getInitiatorCredentials(),
      });
      if (!tenant || !isTenantEntity(tenant)) {
        throw new NotFoundError(
          `tenant ${stringifyEntityRef(
            tenantRef,
          )} was not found in the catalog`,
        );
      }
      const environments = tenant.spec.environments ?? [];
      if (!environments.includes(input.environment)) {
        throw new InputError(
          `environment "${input.environment}" is not one of tenant ${
            tenant.metadata.name
          }'s environments (${environments.join(', ') || 'none'})`,
        );
      }

      const namespace = composeNamespaceName({
        tenant: tenant.metadata.name,
        environment: input.environment,
        suffix: input.name,
      });
      const problem = validateDnsLabel(namespace, 'namespace name');
      if (problem) throw new InputError(problem);

      const request = {
        tenant: tenant.metadata.name,
        owner: tenant.spec.owner,
        costCenter: tenant.spec.costCenter,
        environment: input.environment,
        cluster: input.cluster,
        namespace,
      };
      const entity = renderNamespaceEntity(request);
      const files: Record<string, unknown> = {
        [layout.namespaceEntityFile(
          request.tenant,
          request.environment,
          namespace,
        )]: entity,
        [layout.namespaceManifestFile(
          request.tenant,
          request.environment,
          namespace,
        )]: renderNamespaceManifest(request),
      };

      for (const [file, content] of Object.entries(files)) {
        const target = resolveSafeChildPath(ctx.workspacePath, file);
        await fs.mkdir(dirname(target), { recursive: true });
        await fs.writeFile(target, stringify(content), 'utf8');
      }

      ctx.output('namespace', namespace);
      ctx.output('entityRef', stringifyEntityRef(entity));
      ctx.output('files', Object.keys(files));
    },
  });
}
