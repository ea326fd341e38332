import { JsonValue } from '@backstage/types';
import {
  auditedRun,
  GitOpsPublisher,
  noteAudit,
  ProvisioningRun,
  runProvisioning,
} from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { AuditorService } from '@backstage/backend-plugin-api';
import { validateVClusterValues } from '../vcluster/validateVClusterValues';
import { vclusterUpgradeChange } from './vclusterUpgradeChange';
import { VClusterOnBase } from './vclusterUpgradePlan';

/**
 * One pull request of the vCluster upgrade campaign, in the outputs of
 * `tenancy:vcluster:upgrade`.
 *
 * @public
 */
export type VClusterUpgradeRequest = {
  vcluster: string;
  tenant: string;
  environment: string;
  /** The chart version it pins on the base branch. */
  from: string;
  files: string[];
  branch?: string;
  pullRequestUrl?: string;
  pullRequestNumber?: number;
};

/**
 * Opens (or finds again) the upgrade request of one vCluster through the
 * runner of every request, as a run of its own: its own audit event
 * (`vcluster-upgrade`), outputs and checkpoint. Throws the runner's
 * InputError when its values or its Application do not validate.
 */
export async function vclusterUpgradeRequest(
  campaign: ProvisioningRun,
  deps: { publisher: GitOpsPublisher; auditor: AuditorService },
  options: {
    vcluster: VClusterOnBase;
    target: string;
    order: string[];
    requestedBy: string;
    reason?: string;
  },
): Promise<VClusterUpgradeRequest> {
  const { vcluster, requestedBy } = options;
  const outputs: Record<string, JsonValue> = {};
  const run: ProvisioningRun = {
    ...campaign,
    output: (name, value) => {
      outputs[name] = value;
    },
  };
  await auditedRun(run, deps.auditor, 'vcluster-upgrade', async () => {
    noteAudit(run, {
      requestedBy,
      tenant: `tenant:default/${vcluster.tenant}`,
      entityRefs: [`resource:default/${vcluster.name}`],
    });
    await runProvisioning(run, deps.publisher, {
      requestedBy,
      prepared: vclusterUpgradeChange({
        ...options,
        validateValues: validateVClusterValues,
      }),
      what: `vCluster ${vcluster.name} upgrade`,
      dryRun: 'list',
      whenOpenDiffers: 'update',
    });
  });
  return {
    vcluster: vcluster.name,
    tenant: vcluster.tenant,
    environment: vcluster.environment,
    from: vcluster.version,
    files: outputs.files as string[],
    branch: outputs.branch as string | undefined,
    pullRequestUrl: outputs.pullRequestUrl as string | undefined,
    pullRequestNumber: outputs.pullRequestNumber as number | undefined,
  };
}
