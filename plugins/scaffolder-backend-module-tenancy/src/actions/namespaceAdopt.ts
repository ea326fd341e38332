import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  orphanRecordFile,
  prepareNamespaceAdoption,
  prepareOrphanRemoval,
  TENANCY_ANNOTATIONS,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { examples } from './namespaceAdopt.examples';
import {
  addDeliveryTarget,
  auditedRun,
  checkNewNamespace,
  refuseOtherOpenRequest,
  resolveClusterName,
  runProvisioning,
  startTenantRequest,
} from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { changeOutput } from './changeOutput';
import { readObservedNamespace } from './readObservedNamespace';
import { TenancyActionDeps } from './TenancyActionDeps';
import { scaffolderRun } from './scaffolderRun';

/**
 * What `tenancy:namespace:adopt` needs besides the other actions' deps: the
 * tenancy backend, asked for the observed namespace as the requester.
 *
 * @public
 */
export interface NamespaceAdoptActionDeps extends TenancyActionDeps {
  /** Finds the tenancy backend (`getBaseUrl('tenancy')`). */
  discovery: DiscoveryService;
  /** Issues the token the backend is called with, on behalf of the requester. */
  auth: AuthService;
}

/**
 * `tenancy:namespace:adopt`: an orphan namespace (tenancy labels in the
 * cluster, no file in the GitOps repository) is adopted, its folder rendered
 * from what the cluster has, or flagged for removal with a record for the
 * platform team; either way as a pull request.
 *
 * @public
 */
export function createNamespaceAdoptAction(options: NamespaceAdoptActionDeps) {
  const { layout, publisher } = options;
  return createTemplateAction({
    id: 'tenancy:namespace:adopt',
    description:
      'Adopts an orphan namespace (labelled for a tenant in its cluster, described by no file of the GitOps repository) by rendering its folder from what the cluster has and checking it by the rules of tenancy:namespace:create, or flags it for removal with a record for the platform team; opens a pull request either way. Asks the tenancy backend for the namespace as the cluster had it at the last refresh.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        cluster: z =>
          z
            .string()
            .min(1)
            .describe(
              'The cluster the namespace runs on, by name or as a Resource entity reference.',
            ),
        namespace: z =>
          z.string().min(1).describe('The Kubernetes name of the namespace.'),
        action: z =>
          z
            .enum(['adopt', 'remove'])
            .describe(
              'adopt: write its folder to the GitOps repository, so Argo CD takes it over; remove: flag it for the platform team to delete.',
            ),
        reason: z =>
          z
            .string()
            .optional()
            .describe(
              'Why; shown to the reviewer. Required (10 to 1000 characters) to remove; for an adoption also the entity description.',
            ),
      },
      output: {
        entityRef: z =>
          z
            .string()
            .optional()
            .describe(
              'For an adoption, the catalog entity reference the namespace will have once merged.',
            ),
        ...changeOutput,
      },
    },
    async handler(ctx) {
      const run = scaffolderRun(ctx);
      const { input } = ctx;
      const actionType =
        input.action === 'adopt' ? 'namespace-adopt' : 'orphan-removal';
      await auditedRun(run, options.auditor, actionType, async () => {
        if (!publisher) {
          throw new InputError(
            'tenancy.gitops.publisher is not configured: there is no repository to change',
          );
        }
        const cluster = resolveClusterName(input.cluster);
        const observed = await readObservedNamespace({
          ...options,
          credentials: await ctx.getInitiatorCredentials(),
          cluster,
          namespace: input.namespace,
        });
        if (!observed.orphan) {
          throw new ConflictError(
            `namespace ${input.namespace} on cluster ${cluster} is not an orphan: at the tenancy backend's last refresh a file of the GitOps repository's default branch describes it (change it with the other templates), or drift was not computed yet; nothing was written`,
          );
        }
        const tenantName = observed.labels[TENANCY_ANNOTATIONS.tenant];
        if (!tenantName) {
          throw new InputError(
            `namespace ${input.namespace} on cluster ${cluster} carries no ${TENANCY_ANNOTATIONS.tenant} label; nothing was written`,
          );
        }
        const request = await startTenantRequest(run, options, tenantName);
        const tenant = request.tenant.metadata.name;
        await refuseOtherOpenRequest({
          publisher,
          tenant,
          namespace: observed.namespace,
          kind: input.action === 'adopt' ? 'create' : 'delete',
        });

        const record = orphanRecordFile(layout, cluster, observed.namespace);
        if (input.action === 'remove') {
          await runProvisioning(run, publisher, {
            requestedBy: request.userEntityRef,
            prepared: prepareOrphanRemoval({
              observed,
              tenant,
              requestedBy: request.userEntityRef,
              reason: input.reason,
              layout,
            }),
            what: 'orphan removal',
            dryRun: 'list',
            precheck: async base => {
              if (await base.exists(record)) {
                throw new ConflictError(
                  `namespace ${observed.namespace} on cluster ${cluster} is flagged for removal already (${record}); nothing was written`,
                );
              }
              return [
                {
                  name: `base branch: no removal record for the namespace yet (\`${record}\`)`,
                  result: 'passed',
                },
              ];
            },
            whenOpenDiffers: 'update',
          });
          return;
        }

        const prepared = prepareNamespaceAdoption(
          { observed, reason: input.reason },
          request,
        );
        ctx.output('entityRef', `resource:default/${observed.namespace}`);
        // Adopting a namespace flagged for removal withdraws the flag.
        const flagged = await publisher.exists(record);
        const checkNew = checkNewNamespace({
          what: 'namespace',
          layout,
          tenant: request.tenant,
          environment: prepared.request?.environment ?? '',
          namespace: observed.namespace,
          quota: prepared.quota,
        });
        await runProvisioning(run, publisher, {
          requestedBy: request.userEntityRef,
          prepared,
          what: 'namespace adoption',
          dryRun: 'list',
          precheck: async base => [
            ...(await checkNew(base)),
            ...(flagged
              ? [
                  {
                    name: `base branch: the namespace was flagged for removal (\`${record}\`); this adoption deletes the record`,
                    result: 'passed' as const,
                  },
                ]
              : []),
          ],
          deletions: flagged ? [record] : undefined,
          againstBase: addDeliveryTarget(options, prepared.request!),
          fingerprintOf: prepared.files,
          whenOpenDiffers: 'conflict',
        });
      });
    },
  });
}
