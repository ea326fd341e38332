import {
  GitOpsLayout,
  TenancyPolicy,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { GitOpsPublisher } from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { Document, parseDocument } from 'yaml';

/** The file of a vCluster folder that pins its chart (renderVClusterBundle). */
const APPLICATION_FILE = 'vcluster-application.yaml';
const TARGET_REVISION = ['spec', 'source', 'targetRevision'];

/** A vCluster of the base branch, by its chart Application. */
export interface VClusterOnBase {
  name: string;
  tenant: string;
  environment: string;
  /** Repository path of its Application. */
  path: string;
  /** The chart version its Application pins. */
  version: string;
  /** The Application as the base branch has it. */
  application: Document;
}

/** What a campaign to the pinned chart version does now. */
export interface VClusterUpgradePlan {
  /** The pinned chart version (`tenancy.policy.vcluster.chartVersion`). */
  target: string;
  /** The environment whose vClusters are upgraded now: the first, in the policy's order, with one behind. */
  environment?: string;
  /** The vClusters behind the pinned version in that environment. */
  wave: VClusterOnBase[];
  /** vClusters behind it in later environments: upgraded once the wave is merged. */
  waiting: VClusterOnBase[];
  /** vClusters at (or above) the pinned version. */
  current: VClusterOnBase[];
  /** vClusters that cannot be compared, with why. */
  refused: { name: string; message: string }[];
}

const releaseParts = (version: string) =>
  /^\d+\.\d+\.\d+$/.test(version) ? version.split('.').map(Number) : undefined;

/** Negative when a is an earlier release than b. */
function compareReleases(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i] - b[i];
  }
  return 0;
}

/**
 * Reads every vCluster folder of the base branch (at one commit) and sorts
 * them against the pinned chart version: current, or behind it in the
 * environment to upgrade now (the first of `tenancy.policy.environments`,
 * in its order, with a vCluster behind; dev before staging before prod),
 * or waiting for that environment's upgrades to be merged.
 */
export async function vclusterUpgradePlan(options: {
  publisher: GitOpsPublisher;
  layout: GitOpsLayout;
  policy: TenancyPolicy;
}): Promise<VClusterUpgradePlan> {
  const { publisher, layout, policy } = options;
  const target = policy.vcluster.chartVersion;
  const targetParts = releaseParts(target)!;
  const ref = await publisher.baseRevision();
  const paths = await publisher.listFiles(layout.tenantsPath, { ref });
  const plan: VClusterUpgradePlan = {
    target,
    wave: [],
    waiting: [],
    current: [],
    refused: [],
  };
  const behind: VClusterOnBase[] = [];
  for (const path of paths) {
    const [tenant, environment, name, ...rest] = path
      .slice(layout.tenantsPath.length + 1)
      .split('/');
    if (
      rest.length !== 2 ||
      path !==
        `${layout.argocdDir(tenant, environment, name)}/${APPLICATION_FILE}`
    ) {
      continue;
    }
    const application = parseDocument(
      (await publisher.readFile(path, { ref }))!,
    );
    const version = String(application.getIn(TARGET_REVISION) ?? '');
    const parts = releaseParts(version);
    if (!parts) {
      plan.refused.push({
        name,
        message: `vCluster ${name}: ${path} pins chart version "${version}", not an exact release; set spec.source.targetRevision by hand`,
      });
      continue;
    }
    if (!(environment in policy.environments)) {
      plan.refused.push({
        name,
        message: `vCluster ${name}: environment ${environment} is not one of tenancy.policy.environments, so its place in the upgrade order is unknown`,
      });
      continue;
    }
    const vcluster = { name, tenant, environment, path, version, application };
    if (compareReleases(parts, targetParts) < 0) behind.push(vcluster);
    else plan.current.push(vcluster);
  }
  plan.environment = Object.keys(policy.environments).find(env =>
    behind.some(v => v.environment === env),
  );
  for (const vcluster of behind) {
    (vcluster.environment === plan.environment ? plan.wave : plan.waiting).push(
      vcluster,
    );
  }
  return plan;
}

/** The Application of a vCluster pinned to another chart version (a copy). */
export function withChartVersion(
  application: Document,
  version: string,
): Document {
  const copy = application.clone();
  copy.setIn(TARGET_REVISION, version);
  return copy;
}
