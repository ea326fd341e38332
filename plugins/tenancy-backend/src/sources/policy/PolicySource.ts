import { parseUpstream } from '../../upstream/parseUpstream';
import { UpstreamError } from '../../upstream/UpstreamError';
import { KubernetesBackendClient } from '../kubernetes/KubernetesBackendClient';
import { listAll } from '../kubernetes/listAll';
import { PolicySnapshot, Source } from '../types';
import { addConstraintViolations } from './addConstraintViolations';
import { addPolicyReport } from './addPolicyReport';
import {
  apiResourceListSchema,
  constraintListSchema,
  policyReportListSchema,
} from './policySchemas';
import { PolicyResults } from './PolicyResults';

/** The report API groups, each with its namespaced and its cluster kind. */
const REPORT_GROUPS = [
  {
    group: 'wgpolicyk8s.io/v1alpha2',
    lists: [
      { resource: 'policyreports', what: 'PolicyReportList', cluster: false },
      {
        resource: 'clusterpolicyreports',
        what: 'ClusterPolicyReportList',
        cluster: true,
      },
    ],
  },
  {
    group: 'openreports.io/v1alpha1',
    lists: [
      { resource: 'reports', what: 'ReportList', cluster: false },
      { resource: 'clusterreports', what: 'ClusterReportList', cluster: true },
    ],
  },
];

const GATEKEEPER_GROUP = 'constraints.gatekeeper.sh/v1beta1';

/**
 * Whether a failed call is the API server saying it serves no such
 * resource (the CRD is not installed): a 404 with a Kubernetes Status,
 * not the Kubernetes backend's own 404 for a cluster it does not know.
 */
const notInstalled = (error: unknown) =>
  error instanceof UpstreamError &&
  error.status === 404 &&
  error.kubernetesReason === 'NotFound';

/** A list, or undefined when its CRD is not installed. */
async function unlessNotInstalled<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (error) {
    if (notInstalled(error)) return undefined;
    throw error;
  }
}

/**
 * One cluster's policy results: the four report kinds (PolicyReport and
 * ClusterPolicyReport of `wgpolicyk8s.io/v1alpha2`, Report and ClusterReport
 * of `openreports.io/v1alpha1`), each listed once for all namespaces, and
 * Gatekeeper's audit results (`status.violations` of every constraint,
 * found through the discovery of `constraints.gatekeeper.sh/v1beta1`),
 * through the Kubernetes backend's proxy. An engine that is not installed
 * does not report there; none at all fails the source.
 */
export class PolicySource implements Source<'policy'> {
  readonly kind = 'policy' as const;
  readonly id: string;

  constructor(
    readonly name: string,
    private readonly kubernetes: KubernetesBackendClient,
  ) {
    this.id = `policy:${name}`;
  }

  async fetch(): Promise<PolicySnapshot> {
    const { kubernetes, name } = this;
    const results = new PolicyResults();
    const groups: string[] = [];

    const reports = REPORT_GROUPS.map(async ({ group, lists }) => {
      const answers = await Promise.all(
        lists.map(l =>
          unlessNotInstalled(
            listAll(
              kubernetes,
              name,
              `/apis/${group}/${l.resource}`,
              policyReportListSchema,
              l.what,
            ),
          ).then(items => ({ items, cluster: l.cluster })),
        ),
      );
      if (answers.every(a => a.items === undefined)) return;
      groups.push(group);
      for (const { items, cluster } of answers) {
        for (const report of items ?? []) {
          addPolicyReport(results, report, cluster);
        }
      }
    });

    const gatekeeper = (async () => {
      const discovery = await unlessNotInstalled(
        kubernetes.get(name, `/apis/${GATEKEEPER_GROUP}`),
      );
      if (discovery === undefined) return;
      groups.push(GATEKEEPER_GROUP);
      const { resources } = parseUpstream(
        apiResourceListSchema,
        discovery,
        `APIResourceList of ${GATEKEEPER_GROUP}`,
      );
      const constraints = await Promise.all(
        resources
          .filter(r => !r.name.includes('/'))
          .map(r =>
            listAll(
              kubernetes,
              name,
              `/apis/${GATEKEEPER_GROUP}/${r.name}`,
              constraintListSchema,
              `${r.kind}List`,
            ),
          ),
      );
      for (const constraint of constraints.flat()) {
        addConstraintViolations(results, constraint);
      }
    })();

    await Promise.all([...reports, gatekeeper]);
    if (groups.length === 0) {
      throw new UpstreamError(
        `no policy report CRDs (${REPORT_GROUPS.map(g => g.group).join(
          ', ',
        )}) and no Gatekeeper constraints (${GATEKEEPER_GROUP}) on cluster ${name}`,
        404,
        false,
      );
    }
    groups.sort();
    return { cluster: name, groups, namespaces: results.summaries() };
  }
}
