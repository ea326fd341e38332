import { requestBranch } from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { createHash } from 'node:crypto';
import { ConflictError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  composeNamespaceName,
  renderVClusterBundle,
  renderVClusterValues,
  serializeManifests,
  TENANT_KIND,
  validateVClusterRequest,
  ValidationProblem,
  VClusterBundleRequest,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { validateVClusterValues } from '../vcluster/validateVClusterValues';
import { authorizeTenantRequest } from './authorizeTenantRequest';
import {
  describeChecksAndFiles,
  describeQuota,
} from './describeNamespaceRequest';
import { escapeMarkdown as escape } from './escapeMarkdown';
import { namespaceSettingsInput, resolveQuota } from './namespaceSettings';
import { publishChange, pullRequestOutput } from './publishChange';
import { resolveClusterName } from './resolveClusterName';
import { throwIfInvalid } from './throwIfInvalid';
import { TenancyActionDeps } from './TenancyActionDeps';
import { examples } from './vclusterCreate.examples';
import { writeToWorkspace } from './writeToWorkspace';

const VCLUSTER_CHECKS = [
  'the host namespace name is a DNS-1123 label, not reserved, no other tenant prefix',
  "the tenant's isolation allows vClusters; the tenant may use the environment; the cluster is allowed for it",
  'quota quantities, requests within limits, within the environment ceiling; limit range order',
  'the node pool is on the allow-list',
  'values: no pre-0.20 keys, no platform-owned keys, valid against the chart 0.36 values schema',
  'not on the base branch and not in another open request',
  'the requester belongs to the owning group, or is a platform admin',
];

/**
 * `tenancy:vcluster:create`: validates a vCluster request, renders its host
 * namespace, the Argo CD Application of the vCluster chart and its catalog
 * entity, and opens a pull request on the GitOps repository.
 *
 * @public
 */
export function createVClusterCreateAction(options: TenancyActionDeps) {
  const { catalog, userInfo, permissions, layout, policy, publisher } = options;
  return createTemplateAction({
    id: 'tenancy:vcluster:create',
    description:
      "Requests a vCluster for a tenant: validates it, renders its host namespace, the Argo CD Application of the vCluster chart (0.36.x, in the platform's vCluster project) and its catalog entity, and opens a pull request on the GitOps repository.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        tenant: z =>
          z
            .string()
            .min(1)
            .describe(
              'The tenant: a Tenant entity reference or name; its isolation must be "vclusters" or "both".',
            ),
        environment: z =>
          z
            .string()
            .min(1)
            .describe("Environment; one of the tenant's environments."),
        cluster: z =>
          z
            .string()
            .min(1)
            .describe(
              'The host cluster, by name or Resource entity reference; allowed for the environment.',
            ),
        name: z =>
          z
            .string()
            .min(1)
            .describe(
              'Name part: the vCluster and its host namespace are called <tenant>-vc-<name>-<environment>.',
            ),
        ...namespaceSettingsInput,
        nodePool: z =>
          z
            .string()
            .optional()
            .describe(
              'A node pool of tenancy.policy.nodePools: the control plane and all synced pods run there (node label and taint tenancy.io/node-pool=<pool>).',
            ),
        values: z =>
          z
            .record(z.unknown())
            .optional()
            .describe(
              'Extra vcluster.yaml values (chart 0.36 format). Pre-0.20 keys and the platform-owned keys (policies, exportKubeConfig) are refused.',
            ),
        purpose: z =>
          z
            .string()
            .optional()
            .describe('Why the vCluster is needed; shown to the reviewer.'),
      },
      output: {
        name: z => z.string().describe('Name of the vCluster.'),
        namespace: z => z.string().describe('Its host namespace.'),
        kubeconfigSecret: z =>
          z
            .string()
            .describe(
              'The secret in the host namespace holding its kubeconfig (key "config").',
            ),
        project: z =>
          z
            .string()
            .describe("The platform's AppProject of its Argo CD Application."),
        entityRef: z =>
          z.string().describe('The catalog entity reference once merged.'),
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
      const requestInput = {
        tenant: tenant.metadata.name,
        environment: input.environment,
        cluster: resolveClusterName(input.cluster),
        name: input.name,
        quota: resolveQuota(policy, input.size, input.quota),
        limits: input.limits,
        labels: input.labels,
        nodePool: input.nodePool || undefined,
        values: input.values as Record<string, unknown> | undefined,
        purpose: input.purpose,
      };
      const others = await catalog.getEntities(
        { filter: { kind: TENANT_KIND }, fields: ['metadata.name'] },
        { credentials },
      );
      const problems: ValidationProblem[] = validateVClusterRequest(
        requestInput,
        {
          tenant: {
            name: tenant.metadata.name,
            environments: tenant.spec.environments ?? [],
            ssoGroup: tenant.spec.ssoGroup,
            isolation: tenant.spec.isolation,
          },
          otherTenants: others.items.map(e => e.metadata.name),
          policy,
        },
      );
      const name = composeNamespaceName({
        tenant: requestInput.tenant,
        environment: requestInput.environment,
        suffix: `vc-${requestInput.name}`,
      });
      const environment = policy.environments[requestInput.environment];
      const request: VClusterBundleRequest = {
        ...requestInput,
        namespace: name,
        owner,
        costCenter: tenant.spec.costCenter,
        podSecurity: environment?.podSecurity ?? 'restricted',
        requestedBy: userEntityRef,
      };
      if (problems.length === 0) {
        problems.push(...validateVClusterValues(renderVClusterValues(request)));
      }
      throwIfInvalid('vCluster', problems);
      const files = Object.fromEntries(
        Object.entries(
          renderVClusterBundle(request, layout, policy.vcluster),
        ).map(([path, objects]) => [path, serializeManifests(objects)]),
      );
      const paths = Object.keys(files);
      ctx.output('name', name);
      ctx.output('namespace', name);
      ctx.output('kubeconfigSecret', `${name}-kubeconfig`);
      ctx.output('project', policy.vcluster.project);
      ctx.output('entityRef', `resource:default/${name}`);
      ctx.output('files', paths);

      if (ctx.isDryRun || !publisher) {
        await writeToWorkspace(ctx, files, !!publisher);
        return;
      }
      const folder = layout.namespaceDir(
        request.tenant,
        request.environment,
        name,
      );
      if (await publisher.exists(folder)) {
        throw new ConflictError(
          `vCluster ${name} already exists in the GitOps repository (${folder})`,
        );
      }
      await publishChange(ctx, publisher, {
        branch: requestBranch(request.tenant, name),
        title: `New vCluster ${name} for tenant ${request.tenant} (${request.environment})`,
        body: [
          `**${escape(
            userEntityRef,
          )}** asks for vCluster \`${name}\` for tenant **${
            request.tenant
          }** ` +
            `in **${request.environment}** on cluster \`${request.cluster}\`` +
            `${request.nodePool ? `, node pool \`${request.nodePool}\`` : ''}.`,
          '',
          ...(request.purpose ? [`> ${escape(request.purpose)}`, ''] : []),
          `Chart \`vcluster\` ${policy.vcluster.chartVersion} from ${policy.vcluster.chartRepo}, ` +
            `Argo CD project \`${policy.vcluster.project}\` (the platform's: the chart creates RBAC, quota and network policies that tenants' projects may not). ` +
            `Kubeconfig in secret \`${name}-kubeconfig\` of namespace \`${name}\`. Pod Security: \`${request.podSecurity}\`.`,
          '',
          ...describeQuota(
            request.quota,
            environment.ceiling,
            request.environment,
          ),
          ...describeChecksAndFiles(VCLUSTER_CHECKS, paths),
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
