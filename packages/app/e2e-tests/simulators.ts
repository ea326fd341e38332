import { APIRequestContext } from '@playwright/test';

/** The embedded default's simulated upstreams (app-config.yaml). */
const SIMULATORS = 'http://127.0.0.1:7008';

async function getJson(
  request: APIRequestContext,
  path: string,
  token?: string,
) {
  const response = await request.get(`${SIMULATORS}${path}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok()) {
    throw new Error(`${path}: HTTP ${response.status()}`);
  }
  return response.json();
}

/** The names of a simulated cluster's namespaces. */
export async function simulatedNamespaces(
  request: APIRequestContext,
  cluster: string,
): Promise<string[]> {
  const list = await getJson(
    request,
    `/k8s/${cluster}/api/v1/namespaces`,
    'simulated-service-account-token',
  );
  return list.items.map((n: any) => n.metadata.name);
}

/** Used and hard of one resource, summed over a namespace's ResourceQuotas. */
export async function simulatedQuota(
  request: APIRequestContext,
  cluster: string,
  namespace: string,
  resource: string,
): Promise<{ used: string; hard: string }> {
  const list = await getJson(
    request,
    `/k8s/${cluster}/api/v1/namespaces/${namespace}/resourcequotas`,
    'simulated-service-account-token',
  );
  const [quota] = list.items;
  return {
    used: quota.status.used[resource],
    hard: quota.status.hard[resource],
  };
}

/** The Argo CD applications deploying into a namespace, with sync status. */
export async function simulatedApplications(
  request: APIRequestContext,
  namespace: string,
): Promise<Array<{ name: string; sync: string }>> {
  const list = await getJson(
    request,
    '/argocd/argocd/api/v1/applications',
    'simulated-argocd-token',
  );
  return list.items
    .filter((a: any) => a.spec.destination.namespace === namespace)
    .map((a: any) => ({ name: a.metadata.name, sync: a.status.sync.status }));
}

/** A namespace's OpenCost cost over the last `days` daily steps. */
export async function simulatedCost(
  request: APIRequestContext,
  instance: string,
  namespace: string,
  days: number,
): Promise<number> {
  const body = await getJson(
    request,
    `/opencost/${instance}/allocation?window=${days}d&aggregate=namespace&step=1d`,
  );
  return body.data
    .slice(-days)
    .reduce(
      (sum: number, set: any) => sum + (set[namespace]?.totalCost ?? 0),
      0,
    );
}

/**
 * Policy results of a namespace's objects and of its Namespace object, by
 * outcome, from the reports its cluster serves (whichever of wgpolicyk8s.io
 * and openreports.io its Kyverno writes).
 */
export async function simulatedPolicyCounts(
  request: APIRequestContext,
  cluster: string,
  namespace: string,
): Promise<Record<'pass' | 'fail' | 'warn' | 'error' | 'skip', number>> {
  const counts = { pass: 0, fail: 0, warn: 0, error: 0, skip: 0 };
  const groups = [
    ['wgpolicyk8s.io/v1alpha2', 'policyreports', 'clusterpolicyreports'],
    ['openreports.io/v1alpha1', 'reports', 'clusterreports'],
  ];
  for (const [group, namespaced, clusterScoped] of groups) {
    const reports = async (path: string) =>
      (
        await getJson(
          request,
          `/k8s/${cluster}/apis/${group}/${path}`,
          'simulated-service-account-token',
        )
      ).items;
    const ofNamespace = [
      ...(await reports(`namespaces/${namespace}/${namespaced}`)),
      ...(await reports(clusterScoped)).filter(
        (r: any) => r.scope?.kind === 'Namespace' && r.scope.name === namespace,
      ),
    ];
    for (const report of ofNamespace) {
      for (const key of Object.keys(counts) as Array<keyof typeof counts>) {
        counts[key] += report.summary[key] ?? 0;
      }
    }
  }
  return counts;
}

/**
 * A vCluster's control plane as its host cluster serves it: the StatefulSet
 * named after the release (chart version from its `chart` label, replicas,
 * asleep when annotated `loft.sh/paused-replicas`), and the kubeconfig of
 * the Secret it exports (`<release>-kubeconfig`, key `config`).
 */
export async function simulatedVCluster(
  request: APIRequestContext,
  cluster: string,
  namespace: string,
): Promise<{
  chartVersion: string;
  replicas: number;
  sleeping: boolean;
  kubeconfig: string;
}> {
  const token = 'simulated-service-account-token';
  const base = `/k8s/${cluster}/api/v1/namespaces/${namespace}`;
  const list = await getJson(
    request,
    `/k8s/${cluster}/apis/apps/v1/namespaces/${namespace}/statefulsets?labelSelector=app%3Dvcluster`,
    token,
  );
  const [statefulSet] = list.items;
  const release = statefulSet.metadata.labels.release;
  const secret = await getJson(
    request,
    `${base}/secrets/${release}-kubeconfig`,
    token,
  );
  return {
    chartVersion: statefulSet.metadata.labels.chart.replace(/^vcluster-/, ''),
    replicas: statefulSet.spec.replicas,
    sleeping:
      statefulSet.metadata.annotations?.['loft.sh/paused-replicas'] !==
      undefined,
    kubeconfig: Buffer.from(secret.data.config, 'base64').toString('utf8'),
  };
}
