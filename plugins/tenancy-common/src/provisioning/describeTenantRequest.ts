import type { TenantEntityV1alpha1 } from '../model/TenantEntityV1alpha1';
import type { NamespaceBundleRequest } from '../render/renderNamespaceBundle';
import { describeChecksAndFiles } from './describeChecksAndFiles';
import { escapeMarkdown as escape } from './escapeMarkdown';

const TENANT_CHECKS = [
  'the name is a DNS-1123 label of at most 40 characters, new, no reserved prefix, no prefix shared with another tenant',
  'the owner is a Group of the catalog; the requester belongs to it, or is a platform admin',
  'cost center characters; identity group: not a system group, no wildcard',
  'environments are configured; free text without control characters',
  'each first namespace passes every namespace check (names, placement, quota and ceiling, limits, labels)',
  "the AppProject's destinations are explicit: one cluster and one namespace each",
];

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
}): string {
  const { tenant, namespaces, requestedBy, files } = options;
  const { spec, metadata } = tenant;
  return [
    `**${escape(requestedBy)}** asks to onboard tenant **${
      metadata.name
    }**, owned by \`${spec.owner}\`.`,
    '',
    ...(metadata.description ? [`> ${escape(metadata.description)}`, ''] : []),
    `Cost center \`${escape(spec.costCenter)}\` · SSO group \`${escape(
      spec.ssoGroup ?? '',
    )}\` · environments ${(spec.environments ?? [])
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
    ...describeChecksAndFiles(TENANT_CHECKS, files),
  ].join('\n');
}
