import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  changeVClusterProjectFile,
  prepareVClusterCreate,
  VCLUSTER_PROJECT_FILE,
  vclusterArgoCluster,
  vclusterKubeconfigSecretName,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { validateVClusterValues } from '../vcluster/validateVClusterValues';
import { namespaceSettingsInput, placementInput } from './namespaceSettings';
import {
  addDeliveryTarget,
  auditedRun,
  checkNewNamespace,
  resolveClusterName,
  runProvisioning,
  startTenantRequest,
} from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { changeOutput } from './changeOutput';
import { TenancyActionDeps } from './TenancyActionDeps';
import { scaffolderRun } from './scaffolderRun';
import { examples } from './vclusterCreate.examples';

/**
 * `tenancy:vcluster:create`: validates a vCluster request, renders its host
 * namespace, the Argo CD Application of the vCluster chart and its catalog
 * entity, and opens a pull request on the GitOps repository. The same pull
 * request adds the vCluster to the vClusters' AppProject and, as an Argo CD
 * cluster (`vclusterArgoCluster`), to the tenant's AppProject.
 *
 * @public
 */
export function createVClusterCreateAction(options: TenancyActionDeps) {
  const { layout, policy, publisher } = options;
  return createTemplateAction({
    id: 'tenancy:vcluster:create',
    description:
      "Requests a vCluster for a tenant: validates it, renders its host namespace, the Argo CD Application of the vCluster chart (0.36.x, in the platform's vCluster project) and its catalog entity, and opens a pull request on the GitOps repository.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        ...placementInput,
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
              'Extra vcluster.yaml values (chart 0.36 format), only the key paths of the allow-list (see the module README: resources, replicas, Kubernetes version, volume size, syncing ingresses, claims, disruption budgets, service accounts, all config maps or secrets to the host namespace); every other key is refused naming its path, pre-0.20 keys with their new place.',
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
        argocdCluster: z =>
          z
            .string()
            .describe(
              "Its Argo CD cluster name once registered (vcluster-<name>): the destination of the tenant's applications inside it.",
            ),
        entityRef: z =>
          z.string().describe('The catalog entity reference once merged.'),
        ...changeOutput,
      },
    },
    async handler(ctx) {
      const run = scaffolderRun(ctx);
      await auditedRun(run, options.auditor, 'vcluster-create', async () => {
        const { input } = ctx;
        const { tenant, owner, context } = await startTenantRequest(
          run,
          options,
          input.tenant,
        );
        const prepared = prepareVClusterCreate(
          {
            tenant: tenant.metadata.name,
            environment: input.environment,
            cluster: resolveClusterName(input.cluster),
            name: input.name,
            size: input.size,
            quota: input.quota,
            limits: input.limits,
            labels: input.labels,
            nodePool: input.nodePool || undefined,
            values: input.values as Record<string, unknown> | undefined,
            purpose: input.purpose,
          },
          { tenant, owner, context, validateValues: validateVClusterValues },
        );
        const { name } = prepared;
        ctx.output('name', name);
        ctx.output('namespace', name);
        ctx.output('kubeconfigSecret', vclusterKubeconfigSecretName(name));
        ctx.output('project', policy.vcluster.project);
        ctx.output('argocdCluster', vclusterArgoCluster(name).name);
        ctx.output('entityRef', `resource:default/${name}`);
        await runProvisioning(run, publisher, {
          requestedBy: context.requestedBy,
          prepared,
          what: 'vCluster',
          dryRun: 'write',
          precheck: checkNewNamespace({
            what: 'vCluster',
            layout,
            tenant,
            environment: input.environment,
            namespace: name,
            quota: prepared.quota,
          }),
          // The AppProjects depend on the base branch: not in the fingerprint.
          // The prepared one is the file as if there were none on the base branch.
          againstBase: async (base, files) => {
            const { [VCLUSTER_PROJECT_FILE]: _asIfNew, ...rest } = files;
            // Tenants' applications may deploy into it once Argo CD knows it.
            const { destination } = vclusterArgoCluster(name);
            // (A vCluster runs on an Argo CD cluster: vcluster-engine.)
            const withTenantProject = await addDeliveryTarget(options, {
              tenant: tenant.metadata.name,
              ssoGroup: tenant.spec.ssoGroup ?? '',
              environment: input.environment,
              ...destination,
            })(base, rest);
            return {
              ...withTenantProject,
              ...changeVClusterProjectFile({
                current: await base.readFile(VCLUSTER_PROJECT_FILE),
                project: policy.vcluster.project,
                chartRepo: policy.vcluster.chartRepo,
                add: {
                  cluster: resolveClusterName(input.cluster),
                  namespace: name,
                },
              }),
            };
          },
          fingerprintOf: Object.fromEntries(
            Object.entries(prepared.files).filter(
              ([path]) => path !== VCLUSTER_PROJECT_FILE,
            ),
          ),
          whenOpenDiffers: 'conflict',
        });
      });
    },
  });
}
