import {
  changeProjectDestination,
  GitOpsLayout,
  ProjectDestination,
  renderTenantAppProject,
  serializeManifests,
  TenancyPolicy,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { GitOpsPublisher } from '@tenancy-plugins/backstage-plugin-tenancy-node';
import { parse } from 'yaml';

/** The source repositories of a tenant's AppProject, from the policy. */
export function sourceReposFor(policy: TenancyPolicy, tenant: string) {
  return policy.argocd.sourceRepos.map(r => r.replaceAll('{tenant}', tenant));
}

/**
 * The tenant's AppProject file with one destination added or removed, read
 * from the base branch; a tenant without one gets it created with the added
 * destination. Empty when there is nothing to change.
 */
export async function projectDestinationFile(options: {
  publisher?: GitOpsPublisher;
  layout: GitOpsLayout;
  policy: TenancyPolicy;
  tenant: { name: string; ssoGroup: string };
  add?: ProjectDestination;
  remove?: ProjectDestination;
}): Promise<Record<string, string>> {
  const { publisher, layout, policy, tenant, add, remove } = options;
  const path = layout.tenantProjectFile(tenant.name);
  const current = await publisher?.readFile(path);
  if (current === undefined) {
    if (!add) return {};
    const project = renderTenantAppProject({
      tenant: tenant.name,
      ssoGroup: tenant.ssoGroup,
      sourceRepos: sourceReposFor(policy, tenant.name),
      destinations: [add],
    });
    return { [path]: serializeManifests([project]) };
  }
  const next = changeProjectDestination(parse(current), { add, remove });
  const text = serializeManifests([next]);
  return text === current ? {} : { [path]: text };
}
