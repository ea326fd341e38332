import type { TenantEntityV1alpha1 } from '../model/TenantEntityV1alpha1';
import type { NamespaceBundleRequest } from '../render/renderNamespaceBundle';
import { describeChecksAndFiles } from './describeChecksAndFiles';
import { escapeMarkdown as escape } from './escapeMarkdown';
import { inlineCode as code } from './inlineCode';
import type { ProvisioningCheck } from './PreparedChange';

/** The rules a tenant's preparation applies (validateTenantRequest, its namespaces). */
const TENANT_RULES = [
  'the name is a DNS-1123 label of at most 40 characters, new, no reserved prefix, no prefix shared with another tenant',
  'the owner is a Group of the catalog',
  'cost center characters; identity group: not a system group, no wildcard',
  'environments are configured; free text without control characters',
  'each first namespace passes every namespace check (names, placement, quota and ceiling, limits, labels)',
  "the AppProject's destinations are explicit: one cluster and one namespace each",
];

/**
 * The checks of a prepared tenant onboarding: every rule of its preparation,
 * passed (a request with a problem is refused, not described).
 *
 * @public
 */
export function tenantRequestChecks(): ProvisioningCheck[] {
  return TENANT_RULES.map(name => ({ name, result: 'passed' }));
}

/**
 * The pull request body of a tenant onboarding, written for the reviewer.
 *
 * @public
 */
export function describeTenantRequest(options: {
  tenant: TenantEntityV1alpha1;
  namespaces: NamespaceBundleRequest[];
  requestedBy: string;
  files: string[];
  /** Every check that ran, with its result. */
  checks: ProvisioningCheck[];
}): string {
  const { tenant, namespaces, requestedBy, files, checks } = options;
  const { spec, metadata } = tenant;
  return [
    `**${escape(requestedBy)}** asks to onboard tenant **${
      metadata.name
    }**, owned by \`${spec.owner}\`.`,
    '',
    ...(metadata.description ? [`> ${escape(metadata.description)}`, ''] : []),
    `Cost center ${code(spec.costCenter)} · SSO group ${code(
      spec.ssoGroup ?? '',
    )} · environments ${(spec.environments ?? [])
      .map(e => `\`${e}\``)
      .join(', ')} · isolation \`${spec.isolation}\``,
    '',
    '### First namespaces',
    '',
    ...(namespaces.length
      ? namespaces.map(
          ns =>
            `- \`${ns.namespace}\` on \`${ns.cluster}\`: ${Object.entries(
              ns.quota,
            )
              .map(([r, q]) => `${r} ${q}`)
              .join(', ')}`,
        )
      : ['- none; request them with the new-namespace template']),
    '',
    ...describeChecksAndFiles(checks, files),
  ].join('\n');
}
