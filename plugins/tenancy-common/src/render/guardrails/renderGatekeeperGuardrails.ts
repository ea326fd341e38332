import type { Manifest } from '../renderNamespaceBundle';
import {
  GuardrailParameter,
  GuardrailRule,
  guardrailMetadata,
  guardrailModes,
} from './GuardrailRule';

/** The constraint kind of a rule, e.g. `TenancyNamespaceLabels`. */
function constraintKind(rule: GuardrailRule): string {
  return `Tenancy${rule.kind}`;
}

function parameterSchema(value: GuardrailParameter) {
  if (Array.isArray(value)) {
    return { type: 'array', items: { type: 'string' } };
  }
  return { type: typeof value === 'boolean' ? 'boolean' : 'string' };
}

/**
 * A rule as a Gatekeeper ConstraintTemplate (`templates.gatekeeper.sh/v1`)
 * with the `K8sNativeValidation` (CEL) engine: the parameters are the
 * constraint's (`variables.params`), typed by the template's schema.
 *
 * @public
 */
export function renderGatekeeperTemplate(
  rule: GuardrailRule,
  enforceIn: string[],
): Manifest {
  const [first] = guardrailModes(rule, enforceIn);
  const parameters = { ...rule.parameters, ...first?.parameters };
  const kind = constraintKind(rule);
  return {
    apiVersion: 'templates.gatekeeper.sh/v1',
    kind: 'ConstraintTemplate',
    metadata: {
      name: kind.toLowerCase(),
      labels: {
        'app.kubernetes.io/managed-by': 'tenancy-platform',
        'tenancy.io/guardrail': rule.name,
      },
      annotations: {
        'metadata.gatekeeper.sh/title': rule.title,
        description: rule.description,
      },
    },
    spec: {
      crd: {
        spec: {
          names: { kind },
          validation: {
            openAPIV3Schema: {
              type: 'object',
              properties: Object.fromEntries(
                Object.entries(parameters).map(([name, value]) => [
                  name,
                  parameterSchema(value),
                ]),
              ),
            },
          },
        },
      },
      targets: [
        {
          target: 'admission.k8s.gatekeeper.sh',
          operations: rule.operations,
          code: [
            {
              engine: 'K8sNativeValidation',
              source: {
                variables: [
                  ...Object.keys(parameters).map(name => ({
                    name,
                    expression: `variables.params.${name}`,
                  })),
                  ...rule.variables,
                ],
                validations: rule.validations,
              },
            },
          ],
        },
      ],
    },
  };
}

/**
 * A rule's Gatekeeper constraints, one per mode: `deny` where enforced,
 * `warn` elsewhere (admitted, warned about, and reported by the audit).
 * Applied after their template (sync wave 1; the constraint kind exists only
 * once Gatekeeper has read the template).
 *
 * @public
 */
export function renderGatekeeperConstraints(
  rule: GuardrailRule,
  enforceIn: string[],
): Manifest[] {
  const kinds = new Map<string, string[]>();
  for (const r of rule.resources) {
    kinds.set(r.group, [...(kinds.get(r.group) ?? []), r.kind]);
  }
  return guardrailModes(rule, enforceIn).map(scope => {
    const parameters = { ...rule.parameters, ...scope.parameters };
    return {
      apiVersion: 'constraints.gatekeeper.sh/v1beta1',
      kind: constraintKind(rule),
      metadata: guardrailMetadata(rule, scope, {
        'argocd.argoproj.io/sync-wave': '1',
        'argocd.argoproj.io/sync-options': 'SkipDryRunOnMissingResource=true',
      }),
      spec: {
        enforcementAction: scope.mode === 'Enforce' ? 'deny' : 'warn',
        match: {
          kinds: [...kinds].map(([group, k]) => ({
            apiGroups: [group],
            kinds: k,
          })),
          ...(scope.namespaceSelector
            ? { namespaceSelector: scope.namespaceSelector }
            : {}),
        },
        ...(Object.keys(parameters).length ? { parameters } : {}),
      },
    };
  });
}
