import type { Manifest } from '../renderNamespaceBundle';
import {
  celLiteral,
  GuardrailRule,
  guardrailMetadata,
  guardrailModes,
  guardrailResourceRules,
} from './GuardrailRule';

/**
 * The rules as Kyverno `policies.kyverno.io/v1` ValidatingPolicies (CEL; the
 * `kyverno.io/v1` ClusterPolicy is deprecated since Kyverno 1.18): one per
 * rule and mode, `Deny` where enforced, `Audit` and `Warn` elsewhere, the
 * parameters as CEL variables.
 *
 * @public
 */
export function renderKyvernoGuardrails(
  rules: GuardrailRule[],
  enforceIn: string[],
): Manifest[] {
  return rules.flatMap(rule =>
    guardrailModes(rule, enforceIn).map(scope => ({
      apiVersion: 'policies.kyverno.io/v1',
      kind: 'ValidatingPolicy',
      metadata: guardrailMetadata(rule, scope, {
        'policies.kyverno.io/title': rule.title,
        'policies.kyverno.io/description': rule.description,
      }),
      spec: {
        validationActions:
          scope.mode === 'Enforce' ? ['Deny'] : ['Audit', 'Warn'],
        evaluation: { background: { enabled: rule.background } },
        matchConstraints: {
          resourceRules: guardrailResourceRules(rule),
          ...(scope.namespaceSelector
            ? { namespaceSelector: scope.namespaceSelector }
            : {}),
        },
        variables: [
          ...Object.entries({ ...rule.parameters, ...scope.parameters }).map(
            ([name, value]) => ({ name, expression: celLiteral(value) }),
          ),
          ...rule.variables,
        ],
        validations: rule.validations,
      },
    })),
  );
}
