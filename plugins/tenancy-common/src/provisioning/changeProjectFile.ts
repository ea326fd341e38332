import { parse } from 'yaml';
import type { GitOpsLayout } from '../gitops/GitOpsLayout';
import type { TenancyPolicy } from '../policy/TenancyPolicy';
import {
  changeProjectDestination,
  ProjectDestination,
  renderTenantAppProject,
} from '../render/renderTenantAppProject';
import { serializeManifests } from '../render/serializeManifests';
import { tenantSourceRepos } from './tenantSourceRepos';

/**
 * The tenant's AppProject file with one destination added or removed, given
 * its text on the base branch; a tenant without one gets it created with the
 * added destination. Empty when there is nothing to change.
 *
 * @public
 */
export function changeProjectFile(options: {
  /** The file on the base branch; undefined when there is none. */
  current: string | undefined;
  layout: GitOpsLayout;
  policy: TenancyPolicy;
  tenant: { name: string; ssoGroup: string };
  add?: ProjectDestination;
  remove?: ProjectDestination;
}): Record<string, string> {
  const { current, layout, policy, tenant, add, remove } = options;
  const path = layout.tenantProjectFile(tenant.name);
  if (current === undefined) {
    if (!add) return {};
    const project = renderTenantAppProject({
      tenant: tenant.name,
      ssoGroup: tenant.ssoGroup,
      sourceRepos: tenantSourceRepos(policy, tenant.name),
      destinations: [add],
    });
    return { [path]: serializeManifests([project]) };
  }
  const next = changeProjectDestination(parse(current), { add, remove });
  const text = serializeManifests([next]);
  return text === current ? {} : { [path]: text };
}
