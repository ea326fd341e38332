import { parseEntityRef } from '@backstage/catalog-model';
import {
  TenantRequest,
  vclusterUpgradeSubject,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';

/** What the campaign reads of a fleet vCluster (`FleetVCluster` of `GET /v1/tenants`). */
export interface CampaignVCluster {
  name: string;
  /** Entity reference of its Tenant. */
  tenant: string;
  environment?: string;
  state?: {
    chartVersion?: string;
    pinnedChartVersion: string;
    behind: boolean;
    application?: { sync: string; health: string };
  };
}

/**
 * Where a vCluster is in the campaign to the pinned chart version:
 * `waiting` (behind, no request yet: a later environment, or not run yet),
 * `open`, `merged` (not yet deployed and synced), `synced` (the pinned
 * version deployed, its Application Synced and Healthy), `failed` (the
 * request closed without merge, or merged and its Application Degraded).
 */
export type UpgradeStage = 'waiting' | 'open' | 'merged' | 'synced' | 'failed';

/** One vCluster of the campaign. */
export interface UpgradeProgress {
  vcluster: CampaignVCluster;
  stage: UpgradeStage;
  request?: TenantRequest;
}

/**
 * The campaign to the pinned chart version, from the fleet's vClusters and
 * their tenants' requests: every vCluster behind the pinned version or with
 * an upgrade request to it (branch
 * `tenancy/<tenant>/<vcluster>-upgrade-<version>`, as
 * `tenancy:vcluster:upgrade` opens it). Current vClusters no request moved
 * are not part of it.
 */
export function vclusterUpgradeProgress(
  vclusters: CampaignVCluster[],
  requestsOf: (tenantRef: string) => TenantRequest[],
): { pinned?: string; items: UpgradeProgress[] } {
  const pinned = vclusters.find(v => v.state)?.state?.pinnedChartVersion;
  if (!pinned) return { items: [] };
  const items: UpgradeProgress[] = [];
  for (const vcluster of vclusters) {
    const { state } = vcluster;
    const branch = `tenancy/${
      parseEntityRef(vcluster.tenant).name
    }/${vclusterUpgradeSubject(vcluster.name, pinned)}`;
    const request = requestsOf(vcluster.tenant).find(r => r.branch === branch);
    const deployed =
      state?.chartVersion === pinned &&
      state.application?.sync === 'Synced' &&
      state.application.health === 'Healthy';
    let stage: UpgradeStage | undefined;
    if (request?.state === 'closed') stage = 'failed';
    else if (request && deployed) stage = 'synced';
    else if (request?.state === 'merged') {
      stage = state?.application?.health === 'Degraded' ? 'failed' : 'merged';
    } else if (request) stage = 'open';
    else if (state?.behind) stage = 'waiting';
    if (stage) items.push({ vcluster, stage, request });
  }
  return { pinned, items };
}
