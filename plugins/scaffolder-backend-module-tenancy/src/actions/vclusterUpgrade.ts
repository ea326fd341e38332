import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  createTemplateAction,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { tenancyProvisionAdminPermission } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import {
  auditedRun,
  noteAudit,
} from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { TenancyActionDeps } from './TenancyActionDeps';
import { scaffolderRun } from './scaffolderRun';
import { examples } from './vclusterUpgrade.examples';
import { vclusterUpgradePlan } from './vclusterUpgradePlan';
import {
  VClusterUpgradeRequest,
  vclusterUpgradeRequest,
} from './vclusterUpgradeRequest';

/**
 * The outputs of `tenancy:vcluster:upgrade` (named, so the API report does
 * not depend on how the compiler orders an inferred type).
 *
 * @public
 */
export type VClusterUpgradeOutput = {
  chartVersion: string;
  environment?: string;
  requests: VClusterUpgradeRequest[];
  waiting: string[];
  current: string[];
  refused: { vcluster: string; message: string }[];
};

/**
 * `tenancy:vcluster:upgrade`: the campaign that brings every vCluster of
 * the GitOps repository to the chart version the platform pins, one pull
 * request per vCluster, environment by environment. Platform admins only.
 *
 * @public
 */
export function createVClusterUpgradeAction(
  options: TenancyActionDeps,
): TemplateAction<{ reason?: string }, VClusterUpgradeOutput, 'v2'> {
  const { layout, policy, publisher, permissions, userInfo } = options;
  return createTemplateAction({
    id: 'tenancy:vcluster:upgrade',
    description:
      "Opens one pull request per vCluster whose Application pins a chart version behind tenancy.policy.vcluster.chartVersion, each changing only the chart version after checking the vCluster's values against that chart's values schema; environment by environment in the order of tenancy.policy.environments (the next environment's requests open once the earlier ones are merged). Platform admins only (tenancy.provision.admin).",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        reason: z =>
          z
            .string()
            .optional()
            .describe('Why the platform upgrades; shown to every reviewer.'),
      },
      output: {
        chartVersion: z =>
          z.string().describe('The pinned chart version upgraded to.'),
        environment: z =>
          z
            .string()
            .optional()
            .describe(
              'The environment upgraded now; absent when no vCluster is behind.',
            ),
        requests: z =>
          z
            .array(
              z.object({
                vcluster: z.string().describe('The vCluster.'),
                tenant: z.string().describe('Its tenant.'),
                environment: z.string().describe('Its environment.'),
                from: z.string().describe('The chart version it pins now.'),
                files: z.array(z.string()).describe('Files of the change.'),
                branch: z
                  .string()
                  .optional()
                  .describe('Branch of the request.'),
                pullRequestUrl: z
                  .string()
                  .optional()
                  .describe('URL of the request.'),
                pullRequestNumber: z
                  .number()
                  .optional()
                  .describe('Number of the request.'),
              }),
            )
            .describe(
              'One request per vCluster of the environment behind the pinned version (the open one again on a re-run).',
            ),
        waiting: z =>
          z
            .array(z.string())
            .describe(
              'vClusters behind it in later environments, upgraded by a run after these requests are merged.',
            ),
        current: z =>
          z
            .array(z.string())
            .describe('vClusters already at the pinned version.'),
        refused: z =>
          z
            .array(z.object({ vcluster: z.string(), message: z.string() }))
            .describe(
              'vClusters no request was opened for, with why (values the new chart refuses, a version that is not a release).',
            ),
      },
    },
    async handler(ctx) {
      const run = scaffolderRun(ctx);
      // The campaign's own event (who, refused or not); each request has one too.
      await auditedRun(
        run,
        options.auditor,
        'vcluster-upgrade-campaign',
        async () => {
          if (!publisher) {
            throw new InputError(
              'tenancy.gitops.publisher is not configured: there is no repository to change',
            );
          }
          const credentials = await run.credentials();
          const { userEntityRef } = await userInfo.getUserInfo(credentials);
          noteAudit(run, { requestedBy: userEntityRef });
          const [decision] = await permissions.authorize(
            [{ permission: tenancyProvisionAdminPermission }],
            { credentials },
          );
          if (decision.result !== AuthorizeResult.ALLOW) {
            throw new NotAllowedError(
              `${userEntityRef} may not upgrade the vClusters: only platform admins may (the ${tenancyProvisionAdminPermission.name} permission was denied); nothing was written`,
            );
          }
          const plan = await vclusterUpgradePlan({ publisher, layout, policy });
          const order = Object.keys(policy.environments);
          const requests: VClusterUpgradeRequest[] = [];
          const refused = plan.refused.map(r => ({
            vcluster: r.name,
            message: r.message,
          }));
          for (const vcluster of plan.wave) {
            try {
              requests.push(
                await vclusterUpgradeRequest(
                  run,
                  { publisher, auditor: options.auditor },
                  {
                    vcluster,
                    target: plan.target,
                    order,
                    requestedBy: userEntityRef,
                    reason: ctx.input.reason,
                  },
                ),
              );
            } catch (error) {
              if (!(error instanceof InputError)) throw error;
              refused.push({ vcluster: vcluster.name, message: error.message });
              ctx.logger.error(error.message);
            }
          }
          ctx.output('chartVersion', plan.target);
          if (plan.environment) ctx.output('environment', plan.environment);
          ctx.output('requests', requests);
          ctx.output(
            'waiting',
            plan.waiting.map(v => v.name),
          );
          ctx.output(
            'current',
            plan.current.map(v => v.name),
          );
          ctx.output('refused', refused);
          ctx.logger.info(
            `Chart ${plan.target}: ${requests.length} request(s) in ${
              plan.environment ?? 'no environment'
            }, ${plan.waiting.length} vCluster(s) waiting for a later run, ${
              plan.current.length
            } current, ${refused.length} refused`,
          );
          if (refused.length > 0) {
            throw new InputError(
              `${
                refused.length
              } vCluster(s) were not upgraded (the others' requests are open):\n${refused
                .map(r => `- ${r.message}`)
                .join('\n')}`,
            );
          }
        },
      );
    },
  });
}
