import type { GitOpsEngine } from '../policy/TenancyPolicy';
import type { NamespaceBundleRequest } from '../render/renderNamespaceBundle';
import { describeChecksAndFiles } from './describeChecksAndFiles';
import { describeQuota } from './describeQuota';
import { escapeMarkdown as escape } from './escapeMarkdown';
import { inlineCode as code } from './inlineCode';
import type { ProvisioningCheck } from './PreparedChange';

/** The rules a namespace's preparation applies (prepareNamespaceBundle). */
const NAMESPACE_RULES = [
  'names are DNS-1123 labels, checked on the final namespace name',
  'not a reserved or platform namespace, no reserved prefix, no other tenant prefix',
  'the tenant may use the environment; the cluster is allowed for it',
  'quota quantities: Kubernetes grammar, whole numbers for counts, binary units for memory and storage',
  'quota requests within limits, and within the environment ceiling',
  'limit range defaults within maximums',
  'label keys and values; no platform-reserved label prefixes',
  'identity group: not a system group, no wildcard',
];

/**
 * The checks of a prepared namespace request: every rule of the namespace
 * preparation, passed (a request with a problem is refused, not described).
 *
 * @public
 */
export function namespaceRequestChecks(): ProvisioningCheck[] {
  return NAMESPACE_RULES.map(name => ({ name, result: 'passed' }));
}

/**
 * The pull request body of a namespace request or change, written for the
 * reviewer.
 *
 * @public
 */
export function describeNamespaceRequest(options: {
  request: NamespaceBundleRequest;
  ceiling: Record<string, string>;
  files: string[];
  /** Every check that ran, with its result. */
  checks: ProvisioningCheck[];
  /** Set for a change to an existing namespace, with the requester's reason. */
  change?: { reason?: string };
  /** The engine reconciling the cluster; default Argo CD. */
  engine?: GitOpsEngine;
}): string {
  const { request, ceiling, files, checks, change } = options;
  const flux = `tenancy-${request.tenant}-${request.environment}`;
  const delivery =
    options.engine === 'flux'
      ? `Reconciled by **Flux** on \`${request.cluster}\`: the Kustomization \`${flux}\` in \`flux-system\` applies the tenant's ${request.environment} folders, pruning what a merge removes.`
      : `Reconciled by **Argo CD**: the ApplicationSet \`tenancy-namespaces\` makes the folder an Application on \`${request.cluster}\`.`;
  return [
    `**${escape(request.requestedBy ?? 'unknown')}** asks ${
      change ? 'to change' : 'for'
    } namespace \`${request.namespace}\` for tenant **${request.tenant}** ` +
      `in **${request.environment}** on cluster \`${request.cluster}\`.`,
    '',
    ...(request.purpose ? [`> ${escape(request.purpose)}`, ''] : []),
    ...(change?.reason
      ? [`Reason for the change: ${escape(change.reason)}`, '']
      : []),
    `Owner: ${code(request.owner)} · cost center: ${code(
      request.costCenter,
    )} · ` +
      `SSO group ${code(request.ssoGroup)} bound to ${request.clusterRoles
        .map(r => `\`${r}\``)
        .join(', ')} · ` +
      `Pod Security: \`${request.podSecurity}\``,
    '',
    delivery,
    '',
    ...describeTenantDelivery(request),
    ...describeQuota(request.quota, ceiling, request.environment),
    ...describeChecksAndFiles(checks, files),
  ].join('\n');
}

/**
 * The tenant's own delivery, for the reviewer: which repository Flux
 * reconciles into the namespace, and with whose rights.
 */
function describeTenantDelivery(request: NamespaceBundleRequest): string[] {
  const kustomization = request.fluxDelivery?.find(
    m => m.kind === 'Kustomization',
  );
  const source = request.fluxDelivery?.find(
    m => m.kind === 'GitRepository' || m.kind === 'OCIRepository',
  );
  if (!kustomization || !source) return [];
  const spec = source.spec as { url: string; ref: Record<string, string> };
  const ref = Object.entries(spec.ref)
    .map(([k, v]) => `${k} \`${v}\``)
    .join(', ');
  const k = kustomization.spec as {
    path: string;
    serviceAccountName: string;
  };
  return [
    `The tenant's own delivery (\`flux-delivery.yaml\`): the ${
      source.kind
    } ${code(spec.url)} (${ref}), folder \`${
      k.path
    }\`, applied into the namespace by the Kustomization \`${
      (kustomization.metadata as { name: string }).name
    }\` as the service account \`${
      k.serviceAccountName
    }\`, which has the tenant's rights in this namespace only.`,
    '',
  ];
}
