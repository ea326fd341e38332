import { validateDnsLabel } from '../../naming/validateDnsLabel';
import {
  ARGOCD_DEFAULT_PROJECT,
  PLATFORM_TENANCY_PROJECT,
} from '../../render/platformProjects';
import type { TenancyPolicy } from '../TenancyPolicy';
import type { ValidationProblem } from '../ValidationProblem';
import { problem } from './problem';

/**
 * Longest tenant name: room is left in a 63-character namespace name for
 * `-<name>-<environment>`.
 *
 * @public
 */
export const MAX_TENANT_NAME = 40;

/**
 * A Kubernetes DNS-1123 label. Rule `dns-1123`; `subject` names the value in
 * the message when it differs from the field (e.g. the composed namespace
 * name, reported on the field `name`).
 *
 * @public
 */
export function dnsLabelRule(
  value: string,
  field: string,
  subject = field,
): ValidationProblem[] {
  const message = validateDnsLabel(value, subject);
  return message ? [problem(field, 'dns-1123', message)] : [];
}

/**
 * A tenant's name leaves room for its namespaces' names. Rule `length`.
 *
 * @public
 */
export function tenantNameLengthRule(
  name: string,
  field = 'name',
): ValidationProblem[] {
  if (name.length <= MAX_TENANT_NAME) return [];
  return [
    problem(
      field,
      'length',
      `${field} "${name}" is ${name.length} characters long; at most ${MAX_TENANT_NAME}, so its namespaces' names fit in 63`,
    ),
  ];
}

/**
 * A namespace name is not one of `policy.reservedNamespaces`. Rule `reserved`.
 *
 * @public
 */
export function reservedNamespaceRule(
  namespace: string,
  policy: Pick<TenancyPolicy, 'reservedNamespaces'>,
  field = 'name',
): ValidationProblem[] {
  if (!policy.reservedNamespaces.includes(namespace)) return [];
  return [
    problem(
      field,
      'reserved',
      `namespace name "${namespace}" is reserved for the platform`,
    ),
  ];
}

/**
 * The reserved prefix (of `policy.reservedPrefixes`) a namespace name starts
 * with, if any.
 *
 * @public
 */
export function findReservedPrefix(
  namespace: string,
  policy: Pick<TenancyPolicy, 'reservedPrefixes'>,
): string | undefined {
  return policy.reservedPrefixes.find(p => namespace.startsWith(p));
}

/**
 * A namespace name does not start with a reserved prefix. Rule
 * `reserved-prefix`.
 *
 * @public
 */
export function reservedPrefixRule(
  namespace: string,
  policy: Pick<TenancyPolicy, 'reservedPrefixes'>,
  field = 'name',
): ValidationProblem[] {
  const prefix = findReservedPrefix(namespace, policy);
  if (!prefix) return [];
  return [
    problem(
      field,
      'reserved-prefix',
      `namespace name "${namespace}" starts with "${prefix}", a prefix reserved for the platform`,
    ),
  ];
}

/**
 * A tenant's name is not a name the platform owns: every tenant renders an
 * Argo CD AppProject of its own name, so `default` would replace Argo CD's
 * built-in project and the platform's project names would be taken over; a
 * reserved namespace name (`argocd`, `kube-system` …) is refused too. Rule
 * `reserved`.
 *
 * @public
 */
export function tenantReservedNameRule(
  tenant: string,
  policy: Pick<TenancyPolicy, 'reservedNamespaces' | 'vcluster'>,
  field = 'name',
): ValidationProblem[] {
  const projects = [
    ARGOCD_DEFAULT_PROJECT,
    PLATFORM_TENANCY_PROJECT,
    policy.vcluster.project,
  ];
  if (projects.includes(tenant)) {
    return [
      problem(
        field,
        'reserved',
        `${field} "${tenant}" is an Argo CD project of the platform (${projects.join(
          ', ',
        )}): a tenant's AppProject carries its name`,
      ),
    ];
  }
  if (policy.reservedNamespaces.includes(tenant)) {
    return [
      problem(
        field,
        'reserved',
        `${field} "${tenant}" is a namespace name reserved for the platform`,
      ),
    ];
  }
  return [];
}

/**
 * A tenant's name gives namespaces (`<tenant>-…`) that start with no reserved
 * prefix. Rule `reserved-prefix`.
 *
 * @public
 */
export function tenantReservedPrefixRule(
  tenant: string,
  policy: Pick<TenancyPolicy, 'reservedPrefixes'>,
  field = 'name',
): ValidationProblem[] {
  const prefix = findReservedPrefix(`${tenant}-`, policy);
  if (!prefix) return [];
  return [
    problem(
      field,
      'reserved-prefix',
      `${field} "${tenant}" would give namespaces starting with "${prefix}", a prefix reserved for the platform`,
    ),
  ];
}

/**
 * The prefix-overlap rule, defined once: two tenants overlap when one's name
 * followed by `-` starts the other's (`payments` and `payments-eu`), because
 * every namespace of a tenant starts with `<tenant>-`. Returns the shared
 * namespace prefix (the shorter name plus `-`), or undefined.
 *
 * @public
 */
export function sharedTenantPrefix(a: string, b: string): string | undefined {
  if (a === b) return undefined;
  if (b.startsWith(`${a}-`)) return `${a}-`;
  if (a.startsWith(`${b}-`)) return `${b}-`;
  return undefined;
}

/**
 * A new tenant shares no namespace prefix with an existing one, either way.
 * Rule `prefix-overlap`.
 *
 * @public
 */
export function tenantPrefixOverlapRule(
  tenant: string,
  otherTenants: string[],
  field = 'name',
): ValidationProblem[] {
  return otherTenants.flatMap(other => {
    const prefix = sharedTenantPrefix(tenant, other);
    if (!prefix) return [];
    return [
      problem(
        field,
        'prefix-overlap',
        `${field} "${tenant}" and tenant ${other} would share the namespace prefix "${prefix}"`,
      ),
    ];
  });
}

/**
 * A tenant's namespace does not reach into the prefix of a tenant whose name
 * extends its own: `payments-eu-dev` is not for tenant `payments` while
 * tenant `payments-eu` exists. A namespace belongs to the tenant with the
 * longest name it starts with, so `payments-eu` itself may use its own prefix
 * even though it also starts with `payments-`. Rule `prefix-overlap`.
 *
 * @public
 */
export function namespacePrefixOverlapRule(
  namespace: string,
  tenant: string,
  otherTenants: string[],
  field = 'name',
): ValidationProblem[] {
  const other = otherTenants.find(
    o =>
      sharedTenantPrefix(tenant, o) === `${tenant}-` &&
      namespace.startsWith(`${o}-`),
  );
  if (!other) return [];
  return [
    problem(
      field,
      'prefix-overlap',
      `namespace name "${namespace}" starts with "${other}-", the prefix of tenant ${other}`,
    ),
  ];
}
