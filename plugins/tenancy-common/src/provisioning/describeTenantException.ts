import { describeChecksAndFiles } from './describeChecksAndFiles';
import { escapeMarkdown as escape } from './escapeMarkdown';
import { inlineCode as code } from './inlineCode';
import type { ProvisioningCheck } from './PreparedChange';

/** The rules a tenant exception's preparation applies (prepareTenantException). */
const TENANT_EXCEPTION_RULES = [
  'each registry is a registry host with optional port and path, ending with "/": no scheme, tag, digest or wildcard',
  "each added registry is not allowed yet (by the tenant's list or the platform default); each removed one is on the tenant's list",
  'a justification of 10 to 1000 characters, without control characters',
];

/**
 * The checks of a prepared tenant exception: every rule of its preparation,
 * passed (a request with a problem is refused, not described).
 *
 * @public
 */
export function tenantExceptionChecks(): ProvisioningCheck[] {
  return TENANT_EXCEPTION_RULES.map(name => ({ name, result: 'passed' }));
}

/**
 * The pull request body of a tenant exception (more or fewer image
 * registries), written for the reviewer: who asks and why, every registry
 * the tenant's pods may pull from after the merge and where it comes from.
 *
 * @public
 */
export function describeTenantException(options: {
  tenant: string;
  requestedBy: string;
  reason: string;
  /** The tenant's `spec.allowedRegistries` on the base branch and after the change. */
  before: string[];
  after: string[];
  /** `tenancy.policy.guardrails.allowedRegistries`. */
  platformRegistries: readonly string[];
  files: string[];
  checks: ProvisioningCheck[];
}): string {
  const { tenant, before, after, platformRegistries } = options;
  const row = (registry: string, what: string) =>
    `| ${code(registry)} | ${what} |`;
  return [
    `**${escape(
      options.requestedBy,
    )}** asks for a guardrail exception for tenant **${tenant}**: the image registries its pods may pull from.`,
    '',
    `> ${escape(options.reason)}`,
    '',
    '### Allowed registries after the merge',
    '',
    '| registry | |',
    '| --- | --- |',
    ...platformRegistries.map(r =>
      row(
        r,
        'platform default (`tenancy.policy.guardrails.allowedRegistries`)',
      ),
    ),
    ...after.map(r =>
      row(r, before.includes(r) ? "the tenant's, kept" : '**added**'),
    ),
    ...before.filter(r => !after.includes(r)).map(r => row(r, '**removed**')),
    '',
    ...(platformRegistries.length === 0 && before.length === 0
      ? [
          'The tenant has had no registry policy so far (no platform default, no list of its own): after the merge its pods may pull only from the registries above.',
          '',
        ]
      : []),
    "An entry allows every image whose reference starts with it, as the Pod names it. Once merged, the Tenant's `spec.allowedRegistries` is the list above without the platform defaults, and the tenant's image-registry policy (its `guardrails.yaml`, rendered again in this request when the platform configures a guardrails engine) checks its Pods' images against the whole list: refused where the platform enforces its guardrails (`tenancy.policy.guardrails.enforceIn`), reported elsewhere.",
    '',
    ...describeChecksAndFiles(options.checks, options.files),
  ].join('\n');
}
