import { PolicyReportGroup } from '../SimulatorControls';
import { namespacePolicyReportsFor } from '../world/namespacePolicyReportsFor';
import { policyReportsFor } from '../world/policyReportsFor';
import { SimulatedPolicyEngine } from '../world/SimulatedWorld';
import { ListContext, policyFaultsOf, SimulatedList } from './SimulatedList';

/** The report API groups: version, the engine writing to it, resources and kinds. */
const GROUPS: Array<{
  group: Exclude<PolicyReportGroup, 'constraints.gatekeeper.sh'>;
  version: string;
  writer: SimulatedPolicyEngine;
  namespaced: [resource: string, kind: string];
  cluster: [resource: string, kind: string];
}> = [
  {
    group: 'wgpolicyk8s.io',
    version: 'v1alpha2',
    writer: 'kyverno',
    namespaced: ['policyreports', 'PolicyReport'],
    cluster: ['clusterpolicyreports', 'ClusterPolicyReport'],
  },
  {
    group: 'openreports.io',
    version: 'v1alpha1',
    writer: 'kyverno-openreports',
    namespaced: ['reports', 'Report'],
    cluster: ['clusterreports', 'ClusterReport'],
  },
];

const engineOf = (ctx: ListContext) => ctx.cluster.policyEngine ?? 'kyverno';

/**
 * The PolicyReport / ClusterPolicyReport (`wgpolicyk8s.io/v1alpha2`) and
 * Report / ClusterReport (`openreports.io/v1alpha1`) lists of each cluster:
 * both groups' CRDs are installed on a Kyverno cluster, Kyverno writes to one
 * (`openreports.io` with `kyverno-openreports`), the other is empty; a
 * Gatekeeper cluster has neither (404). The `policyReports` control removes a
 * group's CRDs (404) or makes its first item malformed (`results` not an
 * array).
 */
export const POLICY_REPORT_LISTS: SimulatedList[] = GROUPS.flatMap(g => {
  const apiVersion = `${g.group}/${g.version}`;
  const served = (ctx: ListContext) =>
    engineOf(ctx) !== 'gatekeeper' &&
    !(policyFaultsOf(ctx).absent ?? []).includes(g.group);
  const finish = (ctx: ListContext, items: unknown[]) => {
    if (
      !(policyFaultsOf(ctx).malformed ?? []).includes(g.group) ||
      !items.length
    ) {
      return items;
    }
    const [first, ...rest] = items as Array<{ results: unknown[] }>;
    return [{ ...first, results: first.results[0] ?? {} }, ...rest];
  };
  const typed = (kind: string, reports: object[]) =>
    reports.map(report => ({ apiVersion, kind, ...report }));
  return [
    {
      group: `apis/${apiVersion}`,
      resource: g.namespaced[0],
      kind: `${g.namespaced[1]}List`,
      served,
      finish,
      items: (ctx, ns) =>
        engineOf(ctx) === g.writer
          ? typed(
              g.namespaced[1],
              policyReportsFor(
                ctx.world,
                ctx.cluster.name,
                ns,
                ctx.controls.policyResultsPerNamespace,
              ),
            )
          : [],
    },
    {
      group: `apis/${apiVersion}`,
      resource: g.cluster[0],
      kind: `${g.cluster[1]}List`,
      clusterScoped: true,
      served,
      finish,
      items: (ctx, ns) =>
        engineOf(ctx) === g.writer
          ? typed(g.cluster[1], namespacePolicyReportsFor(ns))
          : [],
    },
  ];
});
