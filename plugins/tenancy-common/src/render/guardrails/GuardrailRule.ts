import { TENANCY_ANNOTATIONS } from '../../model/annotations';

/**
 * A value a guardrail is parameterised with: a CEL variable of the same name
 * (`variables.<name>`), a literal in Kyverno's and Kubernetes' policies, a
 * constraint parameter in Gatekeeper's.
 *
 * @public
 */
export type GuardrailParameter = string | string[] | boolean;

/**
 * One rule of the baseline policy set, written once in CEL and rendered for
 * each engine (Kyverno ValidatingPolicy, ValidatingAdmissionPolicy,
 * Gatekeeper's K8sNativeValidation).
 *
 * @public
 */
export interface GuardrailRule {
  /** DNS label, part of every object's name, e.g. `namespace-labels`. */
  name: string;
  /** Whose rule it is, e.g. the tenant of a registry rule; part of the objects' names. */
  instance?: string;
  /** Upper camel case, the Gatekeeper constraint kind's suffix. */
  kind: string;
  title: string;
  /** What the rule enforces, shown on each rendered object. */
  description: string;
  /** Objects it checks. */
  resources: Array<{
    group: string;
    version: string;
    /** Plural resource, e.g. `pods`. */
    resource: string;
    kind: string;
  }>;
  operations: Array<'CREATE' | 'UPDATE' | 'DELETE'>;
  /**
   * `selector`: namespaced objects, scoped to tenant namespaces (and the
   * mode's environments) by a namespace selector. `cel`: Namespaces
   * themselves, scoped in CEL from the new and the old object's labels (a
   * selector sees only the new labels, so removing the tenant label would
   * escape it); the rule's expressions then start with `!variables.applies`.
   */
  scope: 'selector' | 'cel';
  /** Extra labels the namespaces must have, e.g. one tenant's. */
  namespaceLabels?: Record<string, string>;
  /** Environments the rule applies to (`selector` rules only); unset: all. */
  environments?: string[];
  /** Whether the engine's background scan may report existing objects (no `request` in the expressions). */
  background: boolean;
  parameters: Record<string, GuardrailParameter>;
  /** Derived CEL variables, after the parameters. */
  variables: Array<{ name: string; expression: string }>;
  validations: Array<{ expression: string; messageExpression: string }>;
}

/**
 * How strictly a rule's objects are checked: `Enforce` refuses, `Audit`
 * admits, warns the client and reports.
 *
 * @public
 */
export type GuardrailMode = 'Enforce' | 'Audit';

/**
 * A rule in one mode: the namespaces it applies to (`selector` rules) or the
 * extra parameters that scope it (`cel` rules).
 *
 * @public
 */
export interface GuardrailModeScope {
  mode: GuardrailMode;
  /** Suffix of the objects' names. */
  suffix: 'enforce' | 'audit';
  /** Environments in this mode, for people: `prod`, `all but prod`. */
  environments: string;
  namespaceSelector?: {
    matchExpressions: Array<{
      key: string;
      operator: 'In' | 'NotIn' | 'Exists';
      values?: string[];
    }>;
  };
  parameters: Record<string, GuardrailParameter>;
}

const TENANT = TENANCY_ANNOTATIONS.tenant;
const ENVIRONMENT = TENANCY_ANNOTATIONS.environment;

/**
 * The modes a rule is rendered in, from `enforceIn`: Enforce for those
 * environments, Audit for the others; a mode without environments is left
 * out.
 *
 * @public
 */
export function guardrailModes(
  rule: GuardrailRule,
  enforceIn: string[],
): GuardrailModeScope[] {
  const base = [
    // Tenant namespaces; one tenant's when the rule names it.
    ...(rule.namespaceLabels?.[TENANT] === undefined
      ? [{ key: TENANT, operator: 'Exists' as const }]
      : []),
    ...Object.entries(rule.namespaceLabels ?? {}).map(([key, value]) => ({
      key,
      operator: 'In' as const,
      values: [value],
    })),
  ];
  const selector = (
    operator: 'In' | 'NotIn',
    values: string[],
  ): GuardrailModeScope['namespaceSelector'] => ({
    matchExpressions: [
      ...base,
      ...(values.length ? [{ key: ENVIRONMENT, operator, values }] : []),
    ],
  });
  // `cel` rules (Namespaces) apply in every environment: their scope is a
  // parameter, the environments that are enforced and whether this mode is
  // for those or for the others.
  const scope = (
    operator: 'In' | 'NotIn',
    environments: string[],
  ): Pick<GuardrailModeScope, 'namespaceSelector' | 'parameters'> =>
    rule.scope === 'selector'
      ? { namespaceSelector: selector(operator, environments), parameters: {} }
      : {
          parameters: {
            scopeEnvironments: enforceIn,
            scopeIncludes: operator === 'In',
          },
        };
  const enforced =
    rule.environments && rule.scope === 'selector'
      ? rule.environments.filter(e => enforceIn.includes(e))
      : enforceIn;
  const audited =
    rule.scope === 'selector'
      ? rule.environments?.filter(e => !enforceIn.includes(e))
      : undefined;
  const modes: GuardrailModeScope[] = [];
  if (enforced.length > 0) {
    modes.push({
      mode: 'Enforce',
      suffix: 'enforce',
      environments: enforced.join(', '),
      ...scope('In', enforced),
    });
  }
  if (audited === undefined) {
    modes.push({
      mode: 'Audit',
      suffix: 'audit',
      environments: enforceIn.length
        ? `all but ${enforceIn.join(', ')}`
        : 'all',
      ...scope('NotIn', enforceIn),
    });
  } else if (audited.length > 0) {
    modes.push({
      mode: 'Audit',
      suffix: 'audit',
      environments: audited.join(', '),
      ...scope('In', audited),
    });
  }
  return modes;
}

/** A parameter as a CEL literal (JSON strings, lists and booleans are CEL too). */
export function celLiteral(value: GuardrailParameter): string {
  return JSON.stringify(value);
}

/**
 * Name, labels and annotations of a rule's object in one mode: the mode and
 * its environments are visible on every object.
 */
export function guardrailMetadata(
  rule: GuardrailRule,
  scope: GuardrailModeScope,
  annotations: Record<string, string> = {},
) {
  return {
    name: `${guardrailStem(rule)}-${scope.suffix}`,
    labels: {
      'app.kubernetes.io/managed-by': 'tenancy-platform',
      'tenancy.io/guardrail': rule.name,
      'tenancy.io/guardrail-mode': scope.mode,
    },
    annotations: {
      'tenancy.io/description': rule.description,
      'tenancy.io/guardrail-environments': scope.environments,
      ...annotations,
    },
  };
}

/** `tenancy-<rule>[-<instance>]`, the start of a rule's object names. */
export function guardrailStem(rule: GuardrailRule): string {
  return ['tenancy', rule.name, ...(rule.instance ? [rule.instance] : [])].join(
    '-',
  );
}

/** The Kubernetes resource rules of a rule, one per resource. */
export function guardrailResourceRules(rule: GuardrailRule) {
  return rule.resources.map(r => ({
    apiGroups: [r.group],
    apiVersions: [r.version],
    operations: rule.operations,
    resources: [r.resource],
  }));
}
