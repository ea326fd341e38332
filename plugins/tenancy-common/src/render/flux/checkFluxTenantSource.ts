import type { TenancyPolicy } from '../../policy/TenancyPolicy';
import type { ValidationProblem } from '../../policy/ValidationProblem';
import { tenantSourceRepos } from '../../provisioning/tenantSourceRepos';
import { FLUX_GIT_URL } from './fluxFormats';

/** What the source CRDs accept as `spec.url` (GitRepository, OCIRepository v1). */
const OCI_URL = /^oci:\/\/\S+$/;

/**
 * Problems with the source a tenant's own Flux delivery would reconcile
 * (`renderFluxTenantDelivery`), empty when it may: the URL must be one the
 * CRDs accept (`http://`, `https://` or `ssh://` for a GitRepository,
 * `oci://` for an OCIRepository; not the scp-like `git@host:path`), and
 * allowed by `tenancy.policy.argocd.sourceRepos`, the same list that bounds
 * the tenant's Argo CD AppProject (`{tenant}` replaced by the tenant's name).
 *
 * The list is matched the way Argo CD matches an AppProject's `sourceRepos`,
 * so one policy means the same on both engines: URLs compared without case,
 * a trailing `/` or `.git`; `*` alone allows every URL, `*` in a pattern
 * matches within one path segment, `**` across segments, `?` one character;
 * a pattern starting with `!` refuses what it matches, whatever else allows
 * it.
 *
 * @public
 */
export function checkFluxTenantSource(options: {
  tenant: string;
  url: string;
  policy: Pick<TenancyPolicy, 'argocd'>;
}): ValidationProblem[] {
  const { url, tenant } = options;
  if (!FLUX_GIT_URL.test(url) && !OCI_URL.test(url)) {
    return [
      {
        field: 'url',
        rule: 'flux-source-url',
        message: `url ${JSON.stringify(
          url,
        )} must start with https://, http://, ssh:// (a Git repository) or oci:// (an OCI artifact), without spaces; Flux does not accept scp-like addresses such as git@host:path`,
      },
    ];
  }
  const patterns = tenantSourceRepos(options.policy as TenancyPolicy, tenant);
  if (!sourcePermitted(url, patterns)) {
    return [
      {
        field: 'url',
        rule: 'allowed-source',
        message: `url ${url} is not allowed for tenant ${tenant} by tenancy.policy.argocd.sourceRepos (${
          patterns.length ? patterns.join(', ') : 'empty'
        })`,
      },
    ];
  }
  return [];
}

function normalize(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/\/+$/, '')
    .replace(/\.git$/, '');
}

function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (c === '*') {
      source += '[^/]*';
    } else if (c === '?') {
      source += '[^/]';
    } else {
      source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

function sourcePermitted(url: string, patterns: string[]): boolean {
  const target = normalize(url);
  let allowed = false;
  for (const pattern of patterns) {
    const deny = pattern.startsWith('!');
    const body = deny ? pattern.slice(1) : pattern;
    const matches = body === '*' || globToRegExp(normalize(body)).test(target);
    if (deny && matches) return false;
    if (!deny && matches) allowed = true;
  }
  return allowed;
}
