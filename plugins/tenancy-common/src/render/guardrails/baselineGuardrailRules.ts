import { TENANCY_ANNOTATIONS } from '../../model/annotations';
import type {
  GuardrailsSettings,
  TenancyPolicy,
} from '../../policy/TenancyPolicy';
import type { GuardrailRule } from './GuardrailRule';

const { tenant: TENANT, environment: ENVIRONMENT } = TENANCY_ANNOTATIONS;
const COST_CENTER = TENANCY_ANNOTATIONS.costCenter;
const q = (s: string) => `'${s}'`;

const POD = { group: '', version: 'v1', resource: 'pods', kind: 'Pod' };

/**
 * The containers of a Pod the image rules look at; `workContainers` are the
 * ones that may have resources (ephemeral containers may not).
 */
export const POD_CONTAINER_VARIABLES: GuardrailRule['variables'] = [
  {
    name: 'workContainers',
    expression:
      '(has(object.spec.containers) ? object.spec.containers : []) + (has(object.spec.initContainers) ? object.spec.initContainers : [])',
  },
  {
    name: 'containers',
    expression:
      'variables.workContainers + (has(object.spec.ephemeralContainers) ? object.spec.ephemeralContainers : [])',
  },
];

/** Pods, with the variables of their containers. */
export const POD_RULE = {
  resources: [POD],
  operations: ['CREATE', 'UPDATE'] as GuardrailRule['operations'],
  scope: 'selector' as const,
  background: true,
};

/**
 * Who may write what the platform owns in tenant namespaces: the GitOps
 * controller, the cluster's own controllers (`kube-system` service accounts:
 * the namespace controller deletes everything of a namespace being deleted)
 * and cluster administrators (`system:masters`, break-glass).
 */
const PLATFORM_USER = [
  'request.userInfo.username in variables.controllerUsers',
  "request.userInfo.username.startsWith('system:serviceaccount:kube-system:')",
  "(has(request.userInfo.groups) && 'system:masters' in request.userInfo.groups)",
].join(' || ');

/**
 * The platform-wide rules of the baseline policy set (the tenant-specific
 * registry rule is {@link allowedRegistriesRule}). Each is scoped to tenant
 * namespaces (label `tenancy.io/tenant`). See `docs/gitops-layout.md`,
 * "Guardrails".
 *
 * @public
 */
export function baselineGuardrailRules(
  policy: Pick<TenancyPolicy, 'costCenterPattern'>,
  settings: GuardrailsSettings,
): GuardrailRule[] {
  const labels = [TENANT, ENVIRONMENT, COST_CENTER];
  const fixed = [TENANT, ENVIRONMENT];
  const label = (name: string) => `variables.labels[${q(name)}]`;
  const oldLabel = (name: string) => `variables.oldLabels[${q(name)}]`;
  const unchanged = (name: string) =>
    `!(${q(name)} in variables.oldLabels) || (${q(
      name,
    )} in variables.labels && ${label(name)} == ${oldLabel(name)})`;
  return [
    {
      name: 'namespace-labels',
      kind: 'NamespaceLabels',
      title: 'Tenant namespaces carry the tenancy labels',
      description: `A tenant namespace (one labelled ${TENANT} before or after the change) carries ${labels.join(
        ', ',
      )}, the cost center matching the platform's pattern; ${fixed.join(
        ' and ',
      )} never change once set, and only the GitOps controller changes the cost center.`,
      resources: [
        { group: '', version: 'v1', resource: 'namespaces', kind: 'Namespace' },
      ],
      operations: ['CREATE', 'UPDATE'],
      scope: 'cel',
      background: true,
      parameters: {
        // Whole value, as the catalog checks it (compileCostCenterPattern);
        // empty: any non-empty label value.
        costCenterPattern: policy.costCenterPattern
          ? `^(?:${policy.costCenterPattern})$`
          : '',
        controllerUsers: settings.controllerUsers,
      },
      variables: [
        {
          name: 'labels',
          expression:
            'has(object.metadata.labels) ? object.metadata.labels : {}',
        },
        {
          name: 'oldLabels',
          expression:
            'oldObject != null && has(oldObject.metadata.labels) ? oldObject.metadata.labels : {}',
        },
        {
          name: 'environment',
          expression: `${q(ENVIRONMENT)} in variables.labels ? ${label(
            ENVIRONMENT,
          )} : (${q(ENVIRONMENT)} in variables.oldLabels ? ${oldLabel(
            ENVIRONMENT,
          )} : '')`,
        },
        {
          name: 'applies',
          expression: `(${q(TENANT)} in variables.labels || ${q(
            TENANT,
          )} in variables.oldLabels) && (variables.environment in variables.scopeEnvironments) == variables.scopeIncludes`,
        },
      ],
      validations: [
        {
          expression: `!variables.applies || [${labels
            .map(q)
            .join(
              ', ',
            )}].all(k, k in variables.labels && variables.labels[k] != '')`,
          messageExpression: `'namespace ' + object.metadata.name + ' must carry the labels ${labels.join(
            ', ',
          )}, missing: ' + [${labels
            .map(q)
            .join(
              ', ',
            )}].filter(k, !(k in variables.labels) || variables.labels[k] == '').join(', ')`,
        },
        {
          expression: `!variables.applies || variables.costCenterPattern == '' || !(${q(
            COST_CENTER,
          )} in variables.labels) || ${label(
            COST_CENTER,
          )}.matches(variables.costCenterPattern)`,
          messageExpression: `'namespace ' + object.metadata.name + ': label ${COST_CENTER} "' + ${label(
            COST_CENTER,
          )} + '" does not match ' + variables.costCenterPattern`,
        },
        {
          expression: `!variables.applies || oldObject == null || ${fixed
            .map(name => `(${unchanged(name)})`)
            .join(' && ')}`,
          messageExpression: `'namespace ' + object.metadata.name + ': the labels ${fixed.join(
            ' and ',
          )} may not change or be removed once set'`,
        },
        {
          expression: `!variables.applies || oldObject == null || (${unchanged(
            COST_CENTER,
          )}) || request.userInfo.username in variables.controllerUsers`,
          messageExpression: `'namespace ' + object.metadata.name + ': only the GitOps controller changes the label ${COST_CENTER} (change the Tenant in the GitOps repository)'`,
        },
      ],
    },
    {
      name: 'disallow-latest-tag',
      kind: 'DisallowLatestTag',
      title: 'No :latest or untagged images',
      description:
        'Every container image of a Pod names a tag other than latest, or a digest (@sha256:...); an image without either is :latest.',
      ...POD_RULE,
      environments: settings.disallowLatestTagIn,
      parameters: {},
      variables: [
        ...POD_CONTAINER_VARIABLES,
        {
          name: 'unpinned',
          expression:
            "variables.containers.filter(c, !c.image.matches('@sha256:[0-9a-f]{64}$') && (!c.image.matches(':[^/:@]+$') || c.image.endsWith(':latest'))).map(c, c.image)",
        },
      ],
      validations: [
        {
          expression: 'size(variables.unpinned) == 0',
          messageExpression:
            "'images must name a tag other than latest or a digest: ' + variables.unpinned.join(', ')",
        },
      ],
    },
    {
      name: 'require-requests-limits',
      kind: 'RequireRequestsLimits',
      title: 'Requests and limits on every container',
      description:
        "Every container and init container of a Pod has cpu and memory requests and limits. Checked after the namespace's LimitRange filled in its defaults (mutating admission runs before validation), so only containers the LimitRange does not default are refused.",
      ...POD_RULE,
      parameters: {},
      variables: [
        ...POD_CONTAINER_VARIABLES,
        {
          name: 'unbounded',
          expression:
            "variables.workContainers.filter(c, !has(c.resources) || !has(c.resources.requests) || !has(c.resources.limits) || !['cpu', 'memory'].all(r, r in c.resources.requests && r in c.resources.limits)).map(c, c.name)",
        },
      ],
      validations: [
        {
          expression: 'size(variables.unbounded) == 0',
          messageExpression:
            "'containers need cpu and memory requests and limits (the namespace LimitRange sets none for them): ' + variables.unbounded.join(', ')",
        },
      ],
    },
    {
      name: 'restrict-service-exposure',
      kind: 'RestrictServiceExposure',
      title: 'No Service external IPs',
      description:
        "Services may not set spec.externalIPs (CVE-2020-8554: a tenant could intercept other tenants' traffic). LoadBalancer and NodePort Services are counted by the namespace's ResourceQuota (services.loadbalancers, services.nodeports, 0 unless the request raised them), which the API server enforces exactly; this rule does not count them again.",
      resources: [
        { group: '', version: 'v1', resource: 'services', kind: 'Service' },
      ],
      operations: ['CREATE', 'UPDATE'],
      scope: 'selector',
      background: true,
      parameters: {},
      variables: [],
      validations: [
        {
          expression:
            '!has(object.spec.externalIPs) || size(object.spec.externalIPs) == 0',
          messageExpression:
            "'Service ' + object.metadata.name + ' may not set spec.externalIPs'",
        },
      ],
    },
    {
      name: 'protect-platform-objects',
      kind: 'ProtectPlatformObjects',
      title:
        'Only the GitOps controller writes quotas, limits, network policies and role bindings',
      description:
        "NetworkPolicies, ResourceQuotas, LimitRanges and RoleBindings of tenant namespaces come from the GitOps repository: only the GitOps controller (tenancy.policy.guardrails.controllerUsers), the cluster's kube-system controllers and system:masters create, change or delete them. Defence in depth beside the tenants' RBAC (tenancy-tenant grants none of these).",
      resources: [
        {
          group: 'networking.k8s.io',
          version: 'v1',
          resource: 'networkpolicies',
          kind: 'NetworkPolicy',
        },
        {
          group: '',
          version: 'v1',
          resource: 'resourcequotas',
          kind: 'ResourceQuota',
        },
        {
          group: '',
          version: 'v1',
          resource: 'limitranges',
          kind: 'LimitRange',
        },
        {
          group: 'rbac.authorization.k8s.io',
          version: 'v1',
          resource: 'rolebindings',
          kind: 'RoleBinding',
        },
      ],
      operations: ['CREATE', 'UPDATE', 'DELETE'],
      scope: 'selector',
      // Who asked is only known at admission.
      background: false,
      parameters: { controllerUsers: settings.controllerUsers },
      variables: [],
      validations: [
        {
          expression: PLATFORM_USER,
          messageExpression:
            "request.userInfo.username + ' may not ' + request.operation + ' ' + request.kind.kind + ' objects in tenant namespaces: they come from the GitOps repository'",
        },
      ],
    },
  ];
}
