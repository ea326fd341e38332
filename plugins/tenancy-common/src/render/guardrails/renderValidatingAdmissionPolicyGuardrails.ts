import type { Manifest } from '../renderNamespaceBundle';
import {
  celLiteral,
  GuardrailRule,
  guardrailMetadata,
  guardrailModes,
  guardrailResourceRules,
} from './GuardrailRule';

/**
 * The rules as Kubernetes `admissionregistration.k8s.io/v1`
 * ValidatingAdmissionPolicies (GA since Kubernetes 1.30, no controller to
 * install): per rule and mode a policy with the parameters as CEL variables
 * and its binding, `Deny` where enforced, `Warn` and `Audit` elsewhere, the
 * namespaces selected by the binding.
 *
 * @public
 */
export function renderValidatingAdmissionPolicyGuardrails(
  rules: GuardrailRule[],
  enforceIn: string[],
): Manifest[] {
  return rules.flatMap(rule =>
    guardrailModes(rule, enforceIn).flatMap(scope => {
      const metadata = guardrailMetadata(rule, scope);
      return [
        {
          apiVersion: 'admissionregistration.k8s.io/v1',
          kind: 'ValidatingAdmissionPolicy',
          metadata,
          spec: {
            failurePolicy: 'Fail',
            matchConstraints: { resourceRules: guardrailResourceRules(rule) },
            variables: [
              ...Object.entries({
                ...rule.parameters,
                ...scope.parameters,
              }).map(([name, value]) => ({
                name,
                expression: celLiteral(value),
              })),
              ...rule.variables,
            ],
            validations: rule.validations,
          },
        },
        {
          apiVersion: 'admissionregistration.k8s.io/v1',
          kind: 'ValidatingAdmissionPolicyBinding',
          metadata,
          spec: {
            policyName: metadata.name,
            validationActions:
              scope.mode === 'Enforce' ? ['Deny'] : ['Warn', 'Audit'],
            ...(scope.namespaceSelector
              ? {
                  matchResources: {
                    namespaceSelector: scope.namespaceSelector,
                  },
                }
              : {}),
          },
        },
      ];
    }),
  );
}
