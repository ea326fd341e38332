import { requiredLabelsConstraint } from '../world/requiredLabelsConstraint';
import { ListContext, policyFaultsOf, SimulatedList } from './SimulatedList';

const GROUP = 'constraints.gatekeeper.sh';

const served = (ctx: ListContext) =>
  ctx.cluster.policyEngine === 'gatekeeper' &&
  !(policyFaultsOf(ctx).absent ?? []).includes(GROUP);

/**
 * Gatekeeper's constraints on a Gatekeeper cluster, with their audit
 * results in `status.violations`: one kind, `K8sRequiredLabels` (404
 * elsewhere, or when the `policyReports` control removes the group; its
 * `malformed` turns the first constraint's violations into an object).
 */
export const GATEKEEPER_LISTS: SimulatedList[] = [
  {
    group: `apis/${GROUP}/v1beta1`,
    resource: 'k8srequiredlabels',
    kind: 'K8sRequiredLabelsList',
    clusterScoped: true,
    served,
    items: () => [],
    ofCluster: ctx => [requiredLabelsConstraint(ctx.cluster)],
    finish: (ctx, items) => {
      if (!(policyFaultsOf(ctx).malformed ?? []).includes(GROUP)) return items;
      const [first, ...rest] = items as Array<
        ReturnType<typeof requiredLabelsConstraint>
      >;
      const violations = first.status.violations;
      return [
        {
          ...first,
          status: { ...first.status, violations: violations[0] ?? {} },
        },
        ...rest,
      ];
    },
  },
];
