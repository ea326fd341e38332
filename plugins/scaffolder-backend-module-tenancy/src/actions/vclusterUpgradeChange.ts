import {
  describeChecksAndFiles,
  escapeMarkdown as escape,
  PreparedChange,
  ValidationProblem,
  vclusterUpgradeSubject,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { VClusterOnBase, withChartVersion } from './vclusterUpgradePlan';

/**
 * The pull request that moves one vCluster to the pinned chart version: its
 * Application as the base branch has it, with only
 * `spec.source.targetRevision` changed, on branch
 * `tenancy/<tenant>/<vcluster>-upgrade-<version>`. Its values (as rendered
 * when it was requested) are checked against the new chart's values schema
 * first: problems refuse the request, naming the vCluster.
 */
export function vclusterUpgradeChange(options: {
  vcluster: VClusterOnBase;
  target: string;
  /** The environments in the policy's order, for the body. */
  order: string[];
  validateValues: (values: Record<string, unknown>) => ValidationProblem[];
  requestedBy: string;
  reason?: string;
}): PreparedChange {
  const { vcluster, target, order, requestedBy, reason } = options;
  const { name, tenant, environment } = vcluster;
  const application = withChartVersion(vcluster.application, target);
  const values: Record<string, unknown> =
    application.toJS()?.spec?.source?.helm?.valuesObject ?? {};
  const problems = options.validateValues(values).map(p => ({
    ...p,
    message: `vCluster ${name}: ${p.message}`,
  }));
  const base = {
    tenant,
    subject: vclusterUpgradeSubject(name, target),
    title: `Upgrade vCluster ${name} to chart ${target} (${environment})`,
  };
  if (problems.length > 0) {
    return { ...base, problems, files: {}, checks: [], describe: () => '' };
  }
  return {
    ...base,
    problems,
    files: { [vcluster.path]: application.toString({ lineWidth: 0 }) },
    checks: [
      {
        name: `chart: the Application pins ${vcluster.version}, behind the pinned ${target}`,
        result: 'passed',
      },
      {
        name: `values: the vcluster.yaml values valid against the values schema of chart ${target}`,
        result: 'passed',
      },
      {
        name: `order: no vCluster of an environment before ${environment} (${order.join(
          ', ',
        )}) is behind ${target}`,
        result: 'passed',
      },
    ],
    describe: (paths, checks) =>
      [
        `**${escape(
          requestedBy,
        )}** upgrades vCluster \`${name}\` of tenant **${tenant}** in **${environment}** ` +
          `from chart \`vcluster\` ${vcluster.version} to ${target}, the version the platform pins (\`tenancy.policy.vcluster.chartVersion\`).`,
        '',
        ...(reason ? [`> ${escape(reason)}`, ''] : []),
        'Only `spec.source.targetRevision` of its Application changes; its values stay as they are. ' +
          'On merge, Argo CD syncs the chart, which rolls the control plane of the vCluster (its workloads keep running; its API is unavailable while the new control plane starts).',
        '',
        `Upgrades run environment by environment (${order.join(
          ' → ',
        )}): the next environment's requests open when this one's are merged.`,
        '',
        ...describeChecksAndFiles(checks, paths),
      ].join('\n'),
  };
}
