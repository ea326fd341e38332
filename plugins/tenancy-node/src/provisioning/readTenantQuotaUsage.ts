import {
  GitOpsLayout,
  parseQuantity,
  quotaOfManifests,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { requestBranchPrefix } from '../publishers/requestBranch';
import type { GitOpsPublisher } from '../publishers/types';

/** Requests that add no quota (a decommission, an onboarding with its own check). */
const NO_QUOTA_SUBJECTS = /(-delete|^onboarding)$/;

/**
 * The quota of a tenant's namespaces and vClusters other than `namespace`:
 * on the base branch (each folder's ResourceQuota, or its vCluster
 * Application's quota), and in the tenant's open requests (a request's
 * branch is `tenancy/<tenant>/<namespace>[-update]`; per resource the larger
 * of the base and the request counts, so a pending increase is counted and a
 * pending decrease is not yet). What the tenant budget adds a request to.
 *
 * @public
 */
export async function readTenantQuotaUsage(options: {
  publisher: GitOpsPublisher;
  layout: GitOpsLayout;
  tenant: string;
  /** The request's own namespace: its quota is the request's, not counted here (omitted: every namespace counts). */
  namespace?: string;
}): Promise<Array<{ namespace: string; quota: Record<string, string> }>> {
  const { publisher, layout, tenant } = options;
  const dir = layout.tenantDir(tenant);
  const usage = new Map<string, Record<string, string>>();
  const read = async (ref?: string, only?: string) => {
    const paths = (await publisher.listFiles(dir, { ref })).filter(path => {
      const [, namespace, ...rest] = path.slice(dir.length + 1).split('/');
      if (!namespace || namespace === options.namespace) return false;
      if (only !== undefined && namespace !== only) return false;
      return (
        rest.join('/') === 'resourcequota.yaml' ||
        (rest.length === 2 && rest[0] === 'argocd')
      );
    });
    for (const path of paths) {
      const text = await publisher.readFile(path, { ref });
      const quota = text === undefined ? undefined : quotaOfManifests(text);
      if (!quota) continue;
      const namespace = path.slice(dir.length + 1).split('/')[1];
      usage.set(namespace, larger(usage.get(namespace) ?? {}, quota));
    }
  };
  await read();
  const prefix = requestBranchPrefix(tenant);
  for (const request of await publisher.listRequests(prefix)) {
    const subject = request.branch.slice(prefix.length);
    if (request.state !== 'open' || NO_QUOTA_SUBJECTS.test(subject)) continue;
    await read(request.branch, subject.replace(/-update$/, ''));
  }
  return [...usage].map(([namespace, quota]) => ({ namespace, quota }));
}

function larger(
  a: Record<string, string>,
  b: Record<string, string>,
): Record<string, string> {
  const out = { ...a };
  for (const [resource, text] of Object.entries(b)) {
    const x =
      a[resource] === undefined ? undefined : parseQuantity(a[resource]);
    const y = parseQuantity(text);
    if (!x || (y && y.value > x.value)) out[resource] = text;
  }
  return out;
}
