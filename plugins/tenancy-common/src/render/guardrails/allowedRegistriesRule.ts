import { TENANCY_ANNOTATIONS } from '../../model/annotations';
import type { GuardrailRule } from './GuardrailRule';
import { POD_CONTAINER_VARIABLES, POD_RULE } from './baselineGuardrailRules';

/**
 * The registry rule of one tenant: the Pods of its namespaces (label
 * `tenancy.io/tenant: <tenant>`) pull only from `registries` (the
 * platform's default plus the Tenant's `spec.allowedRegistries`), compared
 * as prefixes of the image references as written.
 *
 * @public
 */
export function allowedRegistriesRule(
  tenant: string,
  registries: string[],
): GuardrailRule {
  return {
    name: 'allowed-registries',
    kind: 'AllowedRegistries',
    instance: tenant,
    title: 'Images only from the registries allowed for the tenant',
    description:
      "Every container image of the tenant's Pods starts with one of its allowed registries (tenancy.policy.guardrails.allowedRegistries and the Tenant's spec.allowedRegistries).",
    ...POD_RULE,
    namespaceLabels: { [TENANCY_ANNOTATIONS.tenant]: tenant },
    parameters: { registries },
    variables: [
      ...POD_CONTAINER_VARIABLES,
      {
        name: 'foreign',
        expression:
          'variables.containers.filter(c, !variables.registries.exists(r, c.image.startsWith(r))).map(c, c.image)',
      },
    ],
    validations: [
      {
        expression: 'size(variables.foreign) == 0',
        messageExpression:
          "'images not from an allowed registry: ' + variables.foreign.join(', ') + '; allowed: ' + variables.registries.join(', ')",
      },
    ],
  };
}
